import { Command } from 'commander';
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { importNdjson } from '@jingsai/audit';
import { SqliteEventImport } from '@jingsai/event-store/sqlite/sqlite-import';
import { loadConfig } from '../../../api/src/config/app-config';
import { progressBar } from '../progress';
import { PROJECTION_RUNNER } from '@jingsai/api-kit';
import { ProjectionRunner } from '@jingsai/event-store';
import { sideRebuildFor } from '../../../api/src/infrastructure/side-rebuild';
import { withAppContext } from '../cli-context';

export function importCommand(): Command {
  return new Command('import')
    .description('restore an NDJSON export into an EMPTY SQLite event store, verifying every hash (导入事件日志)')
    .requiredOption('--in <file>', 'the NDJSON export')
    .option('--rebuild', 'rebuild the read models afterwards')
    .action(async (o: { in: string; rebuild?: boolean }) => {
      const config = loadConfig({ ...process.env, PROJECTIONS_ENABLED: 'false', SCHEDULER_ENABLED: 'false' });
      if (config.EVENT_STORE !== 'sqlite') throw new Error('import writes to the SQLite event store only (EVENT_STORE=sqlite)');
      const size = statSync(o.in).size;
      const input = createReadStream(o.in, { encoding: 'utf8' });
      const target = new SqliteEventImport({ path: config.sqlitePath, synchronous: config.SQLITE_SYNCHRONOUS });
      const bar = progressBar('import');
      try {
        const result = await importNdjson(createInterface({ input, crlfDelay: Infinity }), target, (events) =>
          bar.update(input.bytesRead, size, `${events.toLocaleString()} events`),
        );
        bar.stop();
        process.stdout.write(`imported ${result.events} events in ${result.streams} streams into ${config.sqlitePath}; every hash verified\n`);
      } finally {
        bar.stop();
        target.close();
        input.destroy();
      }
      if (!o.rebuild) return void process.stdout.write('run `jingsai rebuild` to rebuild the read models from the imported log\n');
      await withAppContext(async (ctx, appConfig) => {
        const rebuilt = progressBar('rebuild');
        const result = await ctx.get<ProjectionRunner>(PROJECTION_RUNNER).rebuild({ side: sideRebuildFor(appConfig), onProgress: (done, total) => rebuilt.update(done, total) });
        rebuilt.stop();
        process.stdout.write(`rebuilt the read models: ${result.events} events in ${(result.ms / 1000).toFixed(1)} s\n`);
      });
    });
}
