import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One measured figure, compared with its baseline and target. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The same figure for the reference (e.g. raw better-sqlite3), or null when there is none. */
  baseline: number | null;
  /** value / baseline, or null without a baseline. */
  ratio: number | null;
  /** The target in words, e.g. '≥ 0.6× raw'. */
  target: string;
  /** Whether the target was met; null for figures that are only reported. */
  met: boolean | null;
}

/** A row whose target is a minimum ratio to the baseline (throughputs). */
export function atLeast(name: string, value: number, unit: string, baseline: number, minRatio: number): BenchRow {
  const ratio = value / baseline;
  return { name, value, unit, baseline, ratio, target: `≥ ${minRatio}× baseline`, met: ratio >= minRatio };
}

/** A row whose target is a maximum ratio to the baseline (latencies). */
export function atMost(name: string, value: number, unit: string, baseline: number, maxRatio: number): BenchRow {
  const ratio = value / baseline;
  return { name, value, unit, baseline, ratio, target: `≤ ${maxRatio}× baseline`, met: ratio <= maxRatio };
}

/** A row whose target is an absolute limit (e.g. p99 ≤ 25 ms), shown next to a baseline for context. */
export function limit(name: string, value: number, unit: string, baseline: number | null, bound: { max?: number; min?: number }): BenchRow {
  const met = (bound.max === undefined || value <= bound.max) && (bound.min === undefined || value >= bound.min);
  const target = bound.max !== undefined ? `≤ ${bound.max} ${unit}` : `≥ ${bound.min} ${unit}`;
  return { name, value, unit, baseline, ratio: baseline ? value / baseline : null, target, met };
}

/** A figure that is only reported. */
export function reported(name: string, value: number, unit: string, baseline: number | null = null): BenchRow {
  return { name, value, unit, baseline, ratio: baseline ? value / baseline : null, target: 'report', met: null };
}

/** Prints the rows as a table and writes them to test/bench/results/<name>.json. */
export function writeResults(name: string, rows: BenchRow[]): void {
  process.stdout.write(`\n${formatTable(name, rows)}\n`);
  const file = join(resultsDir(), `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(rows, null, 2)}\n`);
  process.stdout.write(`results written to ${file}\n`);
}

export function formatTable(title: string, rows: BenchRow[]): string {
  const header = ['benchmark', 'value', 'unit', 'baseline', 'ratio', 'target', 'met'];
  const cells = rows.map((r) => [
    r.name,
    num(r.value),
    r.unit,
    r.baseline === null ? '-' : num(r.baseline),
    r.ratio === null ? '-' : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.met === null ? '-' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 || i === 2 || i === 5 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function num(n: number): string {
  if (Number.isInteger(n) || Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  return n.toFixed(Math.abs(n) >= 1 ? 2 : 3);
}

/** test/bench/results in the repository (also when running from dist/). */
export function resultsDir(): string {
  return join(repoRoot(), 'test', 'bench', 'results');
}

/** The directory holding package.json, whether running from the sources or from dist/. */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('dist')) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
