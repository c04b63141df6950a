// Preloaded (-r) into benchmark children: writes the process's peak RSS (kB) where the parent reads it.
// A command that re-runs itself in a child (the CLI export does) preloads this twice: the
// child writes first, and each process keeps the larger peak, so the figure is the tree's.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAX_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      let earlier = 0;
      try {
        earlier = Number(readFileSync(file, 'utf8')) || 0;
      } catch {
        // no child wrote one
      }
      writeFileSync(file, String(Math.max(earlier, process.resourceUsage().maxRSS)));
    } catch {
      // the parent then reports the peak as unknown
    }
  });
}
