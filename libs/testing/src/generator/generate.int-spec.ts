import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, verifyEventLog } from '@jingsai/event-store';
import { generateProvince } from './generate';

// The generator drives the real deciders, so a rule it does not follow breaks the benchmarks' data; this finds it in npm test.
describe('generateProvince', () => {
  it('writes a small province through the deciders: every project stage present and the hash chains intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jingsai-generate-'));
    try {
      const path = join(dir, 'events.sqlite');
      const manifest = await generateProvince({ path, events: 6000 });
      expect(manifest.events).toBeGreaterThanOrEqual(6000);
      expect(Object.keys(manifest.projectsByStatus)).toEqual(expect.arrayContaining(['submitted', 'in_progress', 'under_assessment', 'summarized']));
      const store = new SqliteEventStore({ path });
      const report = await verifyEventLog(store);
      await store.close();
      expect(report).toMatchObject({ ok: true, eventsChecked: manifest.events });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
