import { randomBytes } from 'node:crypto';
import { eventStoreContract } from '@jingsai/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/*
 * The shared EventStore contract against a real KurrentDB node, e.g.
 *   docker compose up -d kurrentdb
 *   KURRENTDB_CONNECTION_STRING='kurrentdb://localhost:2113?tls=false' npx jest libs/event-store/src/kurrentdb
 * Each store gets its own namespace, so runs never see each other's events and the database
 * needs no cleaning. Without the variable one test says, loudly, that nothing was run.
 */
const connectionString = process.env.KURRENTDB_CONNECTION_STRING;

if (connectionString) {
  const run = randomBytes(4).toString('hex');
  let store = 0;
  eventStoreContract(`KurrentDB at ${connectionString.replace(/\/\/[^@/]*@/, '//***@')}`, async () => {
    // The contract invents its own stream categories, so this store's log is its whole namespace.
    const kurrent = new KurrentDbEventStore({ connectionString, namespace: `jt${run}s${++store}_`, streamPrefixes: [''] });
    return { store: kurrent, dispose: () => kurrent.close() };
  });
} else {
  describe('EventStore contract: KurrentDB (real server)', () => {
    it('runs the contract only when KURRENTDB_CONNECTION_STRING is set', () => {
      console.warn(
        'KurrentDB contract NOT run: KURRENTDB_CONNECTION_STRING is not set. ' +
          "Start a node (docker compose up -d kurrentdb) and set KURRENTDB_CONNECTION_STRING='kurrentdb://localhost:2113?tls=false'.",
      );
      expect(process.env.KURRENTDB_CONNECTION_STRING).toBeUndefined();
    });
  });
}
