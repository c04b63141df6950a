import { setImmediate as nextTurn } from 'node:timers/promises';
import { EventStore } from '@jingsai/event-store';

/**
 * The same store, but each `readAll` / `readStream` first yields to the event loop. The SQLite
 * adapter reads synchronously, so a long walk (verifying or exporting a million events) would
 * otherwise hold the loop for its whole length and stall every other request.
 */
export function yieldingReads(store: EventStore): EventStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop !== 'readAll' && prop !== 'readStream') return value.bind(target);
      return async (...args: unknown[]) => {
        await nextTurn();
        return value.apply(target, args);
      };
    },
  });
}
