import { eventStoreContract } from '@jingsai/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { InMemoryKurrentDbClient } from './testing/in-memory-kurrentdb-client';

// The shared contract on the adapter's own logic, with the in-memory stand-in in place of a
// server (no KurrentDB can run here). It proves the adapter, not KurrentDB: the real thing runs
// in kurrentdb-event-store.int-spec.ts when KURRENTDB_CONNECTION_STRING is set.
const server = new InMemoryKurrentDbClient();
let run = 0;

eventStoreContract('KurrentDB adapter on an in-memory stand-in client', async () => {
  // The contract uses its own random categories, so this store sees every stream of its namespace.
  const store = new KurrentDbEventStore({ connectionString: 'unused', namespace: `unit${++run}_`, streamPrefixes: [''] }, server.asClient());
  return { store, dispose: () => store.close() };
});
