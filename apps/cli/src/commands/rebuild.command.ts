import { Command } from 'commander';
import { PROJECTION_RUNNER } from '@jingsai/api-kit';
import { ProjectionRunner } from '@jingsai/event-store';
import { sideRebuildFor } from '../../../api/src/infrastructure/side-rebuild';
import { withAppContext } from '../cli-context';
import { progressBar } from '../progress';

export function rebuildCommand(): Command {
  return new Command('rebuild')
    .description('rebuild all read models, or one, from the event log (重建读模型)')
    .option('--only <name>', 'rebuild only this read model (projection name)')
    .action(async (o: { only?: string }) => {
      await withAppContext(async (ctx, config) => {
        const runner = ctx.get<ProjectionRunner>(PROJECTION_RUNNER);
        // The bar counts positions of the log read; the last line the events the read models follow.
        const bar = progressBar(`${o.only ? `rebuild ${o.only}` : 'rebuild'}, log positions`);
        const result = await runner.rebuild({
          only: o.only,
          side: o.only ? undefined : sideRebuildFor(config),
          onProgress: (done, total, rate) => bar.update(done, total, `${Math.round(rate).toLocaleString()} events/s`),
        });
        bar.stop();
        const rate = result.ms > 0 ? Math.round((result.events / result.ms) * 1000) : result.events;
        process.stdout.write(`rebuilt ${o.only ?? 'all read models'}: ${result.events} events in ${(result.ms / 1000).toFixed(1)} s (${rate.toLocaleString()} events/s; events of types no read model follows are read, not counted)\n`);
      });
    });
}
