import { ChildProcess, spawn } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const WORKER = join(ROOT, 'test', 'fixtures', 'projection-worker.ts');

export interface WorkerArgs {
  storePath: string;
  readPath: string;
  batchSize: number;
  pauseAtApply?: number;
  rebuild?: boolean;
  exitWhenCaughtUp?: boolean;
}

/** A projection-worker child process and the lines it printed. */
export class CrashWorker {
  readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private listeners: Array<() => void> = [];
  private stderr = '';

  constructor(args: WorkerArgs) {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', WORKER, JSON.stringify(args)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      this.lines.push(...parts);
      for (const l of this.listeners) l();
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => {
      resolve(code);
      for (const l of this.listeners) l();
    }));
  }

  /** The first line starting with `prefix`, or null if the worker exits or the time runs out first. */
  waitForLine(prefix: string, timeoutMs: number): Promise<string | null> {
    return new Promise((resolve) => {
      const check = () => {
        const line = this.lines.find((l) => l.startsWith(prefix));
        if (line !== undefined || this.child.exitCode !== null || this.child.signalCode !== null) done(line ?? null);
      };
      const done = (line: string | null) => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve(line);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      this.listeners.push(check);
      check();
    });
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** What went wrong in the worker, if anything: `failed` lines and stderr. */
  problems(): string[] {
    return [...this.lines.filter((l) => l.startsWith('failed')), ...(this.stderr.trim() ? [this.stderr.trim()] : [])];
  }
}
