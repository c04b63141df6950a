// Preloaded (-r) into benchmark children: writes the process's peak RSS (kB) where the parent reads it.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAX_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // the parent then reports the peak as unknown
    }
  });
}
