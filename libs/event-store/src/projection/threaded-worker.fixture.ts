// The worker side for threaded-projection-runner.int-spec: a tally projection (and, when asked,
// one that throws on a chosen amount) on the files the test names. The log is polled only once a
// minute, so the projections move within a test only when an append in the host thread wakes them.
import { existsSync, writeFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { ReadModelDatabase } from './read-model-database';
import { ProjectionRunner } from './projection-runner';
import { serveProjectionWorker } from './threaded-projection-runner';
import { tallyProjection } from './test-projections.fixture';

const data = workerData as { eventsPath: string; readModelPath: string; failOnAmount?: number; dieOnceOnAmount?: { amount: number; marker: string } };

serveProjectionWorker((hooks) => {
  const store = new SqliteEventStore({ path: data.eventsPath, synchronous: 'OFF', pollIntervalMs: 60_000 });
  const readDb = new ReadModelDatabase(data.readModelPath);
  const tally = tallyProjection('tally');
  const projections = [
    tallyProjection('tally', {
      apply: (event, db) => {
        const amount = (event.data as { amount?: number }).amount;
        if (amount === data.failOnAmount) throw new Error(`amount ${data.failOnAmount} is refused`);
        // The thread dies (as on running out of memory) the first time it meets the amount, mid-batch.
        if (data.dieOnceOnAmount && amount === data.dieOnceOnAmount.amount && !existsSync(data.dieOnceOnAmount.marker)) {
          writeFileSync(data.dieOnceOnAmount.marker, 'died');
          process.exit(7);
        }
        tally.apply(event, db);
      },
    }),
  ];
  return { runner: new ProjectionRunner(store, readDb, projections, hooks), close: async () => (await store.close(), readDb.close()) };
});
