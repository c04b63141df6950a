// The writer thread of SqliteWriterThread: the group-commit transaction on its own connection.
import { parentPort, workerData } from 'node:worker_threads';
import { batchWriter } from './sqlite-append';
import { OpenOptions, openEventDatabase } from './sqlite-schema';
import { SqliteStatements } from './sqlite-statements';
import { WireOutcome, WriterReply, WriterRequest, toWire } from './sqlite-writer';

const port = parentPort!;
const db = openEventDatabase(workerData as OpenOptions);
const write = batchWriter(db, new SqliteStatements(db));
const reply = (m: WriterReply) => port.postMessage(m);

port.on('message', (m: WriterRequest) => {
  if (m.type === 'close') {
    db.close();
    reply({ type: 'closed' });
    port.close();
    return;
  }
  try {
    const outcomes = write(m.reqs).map((o): WireOutcome => (o.ok ? o : { ok: false, error: toWire(o.error) }));
    reply({ type: 'written', id: m.id, outcomes });
  } catch (e) {
    reply({ type: 'failed', id: m.id, error: toWire(e) });
  }
});
