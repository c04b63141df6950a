import { DomainError } from '@jingsai/shared';
import { toProblem } from './problem-details.filter';
import { problem } from './problem-details';

describe('problem details', () => {
  describe('when an error carries details named like a standard member', () => {
    const error = DomainError.conflict('AWARD.SOMETHING', '中文', 'English', {
      status: 'upheld', type: 'x', title: 'y', code: 'Z', detail: 'd', messageZh: 'm', messageEn: 'n', instance: '/elsewhere', currentOutcome: 'upheld',
    });

    it('keeps the status, type, title, code and messages of the error', () => {
      expect(toProblem(error, '/api/v1/x')).toEqual({
        type: 'urn:jingsai:problem:AWARD.SOMETHING',
        title: '状态冲突 Conflict',
        status: 409,
        code: 'AWARD.SOMETHING',
        detail: 'English',
        messageZh: '中文',
        messageEn: 'English',
        instance: '/api/v1/x',
        currentOutcome: 'upheld',
      });
    });
  });

  describe('when a problem is built with extensions', () => {
    it('never lets an extension replace the status', () => {
      expect(problem(404, 'HTTP.NOT_FOUND', '无', 'none', { status: 'gone', hint: 1 })).toMatchObject({ status: 404, code: 'HTTP.NOT_FOUND', hint: 1 });
    });
  });
});
