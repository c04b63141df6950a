import { SingleBar, Presets } from 'cli-progress';

/** A progress bar with an ETA on stderr (cli-progress); quiet when stderr is not a terminal. */
export function progressBar(label: string): { update(done: number, total: number, extra?: string): void; stop(): void } {
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted} | {extra}`,
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      etaBuffer: 50,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, extra = '') {
      if (!started) {
        bar.start(Math.max(total, 1), 0, { extra });
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(Math.min(done, Math.max(total, 1)), { extra });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
