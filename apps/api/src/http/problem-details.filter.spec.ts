import { ArgumentsHost, Logger } from '@nestjs/common';
import { DomainError } from '@jingsai/shared';
import { ProblemDetailsFilter } from './problem-details.filter';

describe('ProblemDetailsFilter', () => {
  const answer = (exception: unknown) => {
    const sent: { status?: number; body?: any } = {};
    const reply = {
      status: (s: number) => ((sent.status = s), reply),
      header: () => reply,
      send: (b: unknown) => ((sent.body = b), reply),
    };
    const host = { switchToHttp: () => ({ getRequest: () => ({ url: '/api/v1/board', method: 'GET' }), getResponse: () => reply }) } as unknown as ArgumentsHost;
    new ProblemDetailsFilter().catch(exception, host);
    return sent;
  };

  afterEach(() => jest.restoreAllMocks());

  it('logs what nobody answered for as an error, and not a 503 the service chose (a rebuild under way)', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const chosen = answer(new DomainError('READ_MODEL.REBUILDING', 'unavailable', '读模型正在重建', 'Rebuilding'));
    expect(chosen).toMatchObject({ status: 503, body: { code: 'READ_MODEL.REBUILDING' } });
    expect(error).not.toHaveBeenCalled();
    const crash = answer(new Error('disk on fire'));
    expect(crash).toMatchObject({ status: 500, body: { code: 'SERVER.INTERNAL' } });
    expect(crash.body.detail).not.toContain('disk on fire');
    expect(error).toHaveBeenCalledTimes(1);
  });
});
