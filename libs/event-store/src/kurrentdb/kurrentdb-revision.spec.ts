import { StreamNotFoundError, UnavailableError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from '../errors';
import {
  exactStreamState,
  fromCurrentState,
  fromStreamState,
  isStreamNotFound,
  isWrongExpectedVersion,
  satisfies,
  toPortAppendError,
  toStreamState,
} from './kurrentdb-revision';

describe('KurrentDB expected revision mapping', () => {
  it('maps the port expectations to KurrentDB stream states', () => {
    expect(toStreamState('any')).toBe('any');
    expect(toStreamState('no_stream')).toBe('no_stream');
    expect(toStreamState('stream_exists')).toBe('stream_exists');
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
  });

  it('maps KurrentDB stream states back', () => {
    for (const expected of ['any', 'no_stream', 'stream_exists', 0, 41] as const) {
      expect(fromStreamState(toStreamState(expected))).toBe(expected);
    }
  });

  it('rejects revisions that are not non-negative integers', () => {
    expect(() => toStreamState(-1)).toThrow(RangeError);
    expect(() => toStreamState(1.5)).toThrow(RangeError);
  });

  it('appends with the exact tail: no_stream for a new stream, else the last revision', () => {
    expect(exactStreamState(null)).toBe('no_stream');
    expect(exactStreamState(7)).toBe(7n);
  });

  it('reads the current state as a revision or null', () => {
    expect(fromCurrentState('no_stream')).toBeNull();
    expect(fromCurrentState(undefined)).toBeNull();
    expect(fromCurrentState(-1n)).toBeNull();
    expect(fromCurrentState(0n)).toBe(0);
    expect(fromCurrentState(9n)).toBe(9);
  });

  it('checks the port expectation against the actual revision', () => {
    expect(satisfies('any', null)).toBe(true);
    expect(satisfies('any', 3)).toBe(true);
    expect(satisfies('no_stream', null)).toBe(true);
    expect(satisfies('no_stream', 0)).toBe(false);
    expect(satisfies('stream_exists', null)).toBe(false);
    expect(satisfies('stream_exists', 0)).toBe(true);
    expect(satisfies(2, 2)).toBe(true);
    expect(satisfies(2, 3)).toBe(false);
    expect(satisfies(0, null)).toBe(false);
  });
});

describe('KurrentDB error mapping', () => {
  it('turns WrongExpectedVersionError into WrongExpectedRevisionError with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'project-1', expected: 3n, current: 5n });
    const mapped = toPortAppendError(error, 'project-1', 3);
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamId: 'project-1', expected: 3, actual: 5 });
  });

  it('reports a missing stream as actual null', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'project-1', expected: 'stream_exists', current: 'no_stream' });
    expect(toPortAppendError(error, 'project-1', 'stream_exists')).toMatchObject({ expected: 'stream_exists', actual: null });
  });

  it('passes other errors through unchanged', () => {
    const error = new UnavailableError();
    expect(toPortAppendError(error, 'project-1', 'any')).toBe(error);
    expect(isWrongExpectedVersion(error)).toBe(false);
  });

  it('recognises StreamNotFoundError (an unknown stream reads as [])', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'project-1'))).toBe(true);
    expect(isStreamNotFound(new UnavailableError())).toBe(false);
    expect(isStreamNotFound('stream-not-found')).toBe(false);
  });
});
