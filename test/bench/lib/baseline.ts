import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { LoadRequest, LoadResult, load } from './load';
import { tempDir } from './measure';
import { freePort, stopChild, waitForHttp } from './processes';

const SERVER = join(__dirname, '..', 'baseline-server.js');

/** Runs the baseline server (bare | insert) as a child and puts `next` requests through it. */
export async function baselineLoad(mode: 'bare' | 'insert', next: () => LoadRequest, seconds: number): Promise<LoadResult> {
  const t = tempDir('jingsai-bench-baseline-');
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER, mode, String(port), t.dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/items`, 30_000, child);
    await load(`http://127.0.0.1:${port}`, next, { seconds: 2 }); // warm-up
    return await load(`http://127.0.0.1:${port}`, next, { seconds });
  } finally {
    await stopChild(child);
    t.remove();
  }
}

let n = 0;
/** The baseline POST: a small validated body, different every time. */
export const baselinePost = (): LoadRequest => ({ method: 'POST', path: '/items', body: { name: `item-${++n}`, quantity: n % 1000 } });
export const baselineGet = (): LoadRequest => ({ method: 'GET', path: '/items' });
