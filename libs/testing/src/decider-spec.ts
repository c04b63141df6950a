import { Decider, DomainError, DomainEvent, fold } from '@jingsai/shared';

/**
 * given(events).when(command).then(events) for pure deciders, no mocks:
 *
 *   DeciderSpec.for(projectDecider).given([drafted]).when(submit).then([submitted]);
 *   DeciderSpec.for(projectDecider).given([]).when(submit).thenThrows('PROJECT.NOT_FOUND');
 */
export const DeciderSpec = {
  for<S, C, E extends DomainEvent>(decider: Decider<S, C, E>) {
    return {
      given(events: E[]) {
        return {
          when(command: C) {
            const run = () => decider.decide(command, fold(decider, events));
            return {
              /** The decided events equal these exactly (deep equality, order matters). */
              then(expected: E[]): E[] {
                const actual = run();
                expect(actual).toEqual(expected);
                return actual;
              },
              /** The decided events match these partially (toMatchObject), same count and order. */
              thenMatches(expected: Array<Partial<E> | { type: E['type']; data?: object }>): E[] {
                const actual = run();
                expect(actual).toHaveLength(expected.length);
                expect(actual).toMatchObject(expected);
                return actual;
              },
              /** Nothing happens (an idempotent repeat). */
              thenNothing(): void {
                expect(run()).toEqual([]);
              },
              /** The decider refuses with a DomainError of this code (and, optionally, these properties). */
              thenThrows(code: string, expected: Partial<Pick<DomainError, 'kind'>> & { details?: object } = {}): DomainError {
                let caught: unknown;
                try {
                  run();
                } catch (e) {
                  caught = e;
                }
                if (!(caught instanceof DomainError)) {
                  throw new Error(`expected DomainError ${code}, got ${caught === undefined ? 'no error' : String(caught)}`);
                }
                expect(caught.code).toBe(code);
                if (expected.kind) expect(caught.kind).toBe(expected.kind);
                if (expected.details) expect(caught.details).toMatchObject(expected.details);
                expect(caught.messageZh.length).toBeGreaterThan(0);
                expect(caught.messageEn.length).toBeGreaterThan(0);
                return caught;
              },
              /** The state after folding the given events and the decided ones. */
              thenState(assert: (state: S) => void): void {
                const events2 = run();
                assert(fold(decider, [...events, ...events2]));
              },
            };
          },
        };
      },
    };
  },
};
