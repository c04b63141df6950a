import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateProvince } from '../../../../libs/testing/src/generator';
import { loadConfig } from '../../../api/src/config/app-config';
import { progressBar } from '../progress';

interface GenerateOptions {
  events: string;
  dataDir?: string;
  seed: string;
  today?: string;
}

/**
 * Fills a NEW event store with a generated province (benchmarks, demos of scale). Writes through
 * the real deciders; run `rebuild` afterwards for the read models.
 */
export function generateCommand(): Command {
  return new Command('generate')
    .description('generate a realistic province into a new event store: orgs, campaigns, projects at every stage (生成测试数据)')
    .option('--events <n>', 'about how many events to write', '1000000')
    .option('--data-dir <dir>', 'where the store goes (default DATA_DIR)')
    .option('--seed <n>', 'random seed (the same seed gives the same province)', '20210722')
    .option('--today <YYYY-MM-DD>', 'history ends before this day (default today, Beijing time)')
    .action(async (o: GenerateOptions) => {
      const config = loadConfig({ ...process.env, ...(o.dataDir ? { DATA_DIR: o.dataDir, SQLITE_PATH: join(o.dataDir, 'events.sqlite') } : {}) });
      const path = config.sqlitePath;
      if (existsSync(path)) throw new Error(`${path} already exists; generate into a new data directory`);
      const events = Number(o.events);
      if (!Number.isInteger(events) || events < 1) throw new Error('--events must be a positive whole number');
      const bar = progressBar('generate');
      const manifest = await generateProvince({ path, events, seed: Number(o.seed), today: o.today, onProgress: (done, total) => bar.update(done, total) });
      bar.stop();
      const rate = Math.round((manifest.events / manifest.ms) * 1000);
      process.stdout.write(
        `generated ${manifest.events.toLocaleString('en-US')} events in ${manifest.streams.toLocaleString('en-US')} streams in ${(manifest.ms / 1000).toFixed(1)} s ` +
          `(${rate.toLocaleString('en-US')} events/s) into ${path}\n` +
          `organisations ${manifest.orgs.total} (${manifest.orgs.cities} cities, ${manifest.orgs.counties} counties, ${manifest.orgs.enterprises} enterprises), ` +
          `projects by status ${JSON.stringify(manifest.projectsByStatus)}\nnext: npm run cli -- rebuild (read models), npm run cli -- verify\n`,
      );
    });
}
