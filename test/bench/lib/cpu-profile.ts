import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  fn: string;
  where: string;
  ms: number;
  percent: number;
}

/** Self time per function of a .cpuprofile (V8's sampling profile written by node --cpu-prof), highest first. */
export function selfTimes(file: string, root = process.cwd()): { totalMs: number; top: SelfTime[]; byArea: Record<string, number> } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totals = new Map<string, SelfTime>();
  const byArea: Record<string, number> = {};
  let totalUs = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    totalUs += us;
    const path = url.replace(/^file:\/\//, '');
    const where = path ? `${path.startsWith('/') ? relative(root, path) : path}:${lineNumber + 1}` : '';
    const fn = functionName || (path ? '(anonymous)' : '(native)');
    const key = `${fn} ${where}`;
    const t = totals.get(key) ?? { fn, where, ms: 0, percent: 0 };
    t.ms += us / 1000;
    totals.set(key, t);
    const area = areaOf(fn, where);
    byArea[area] = (byArea[area] ?? 0) + us / 1000;
  }
  const top = [...totals.values()].sort((a, b) => b.ms - a.ms);
  for (const t of top) t.percent = (t.ms / (totalUs / 1000)) * 100;
  return { totalMs: totalUs / 1000, top, byArea };
}

/** A coarse owner for a frame: our code by lib, a dependency by package, or V8/node internals. */
function areaOf(fn: string, where: string): string {
  if (fn === '(idle)') return '(idle)';
  if (fn === '(garbage collector)') return '(gc)';
  if (fn === '(program)') return '(program)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
  if (pkg) return pkg[1]!;
  const lib = /(libs\/[^/]+|apps\/[^/]+)/.exec(where);
  if (lib) return lib[1]!;
  if (where.startsWith('node:')) return 'node internals';
  return where ? 'other' : '(native)';
}

/** Inclusive (self + callees) time per function, highest first: where a request's time goes, by caller. */
export function inclusiveTimes(file: string, root = process.cwd()): SelfTime[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totals = new Map<string, SelfTime>();
  let totalUs = 0;
  for (const [leaf, us] of self) {
    totalUs += us;
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      const path = url.replace(/^file:\/\//, '');
      const where = path ? `${path.startsWith('/') ? relative(root, path) : path}:${lineNumber + 1}` : '';
      const fn = functionName || '(anonymous)';
      const key = `${fn} ${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const t = totals.get(key) ?? { fn, where, ms: 0, percent: 0 };
      t.ms += us / 1000;
      totals.set(key, t);
    }
  }
  const out = [...totals.values()].sort((a, b) => b.ms - a.ms);
  for (const t of out) t.percent = (t.ms / (totalUs / 1000)) * 100;
  return out;
}
