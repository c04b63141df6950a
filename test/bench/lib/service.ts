import { JwtService } from '@nestjs/jwt';
import { ChildProcess, spawn } from 'node:child_process';
import { createSecretKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_MAIN, DIST, cpuMs, freePort, peakRssMb, stopChild, waitForHttp } from './processes';

export const BENCH_JWT_SECRET = 'bench-secret-0123456789abcdef0123456789';

/** Environment of the service under test: test mode, no demo, no scheduler, quiet logs. */
export function serviceEnv(dataDir: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SQLITE_PATH: join(dataDir, 'events.sqlite'),
    READ_MODEL_PATH: join(dataDir, 'read-models.sqlite'),
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'error',
    JWT_SECRET: BENCH_JWT_SECRET,
    ...extra,
  };
}

/**
 * The node flags `npm start` runs the service with (the heap cap among them), read from
 * package.json so that the benchmark measures the service as it is started, with `${VAR:-x}`
 * resolved as the shell would.
 */
export function startScriptNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const pkg = JSON.parse(readFileSync(join(DIST, '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  const command = pkg.scripts.start.split('&&').map((c) => c.trim()).find((c) => c.startsWith('node '));
  if (!command) throw new Error(`package.json's start script runs no node command: ${pkg.scripts.start}`);
  return command
    .split(/\s+/)
    .filter((t) => t.startsWith('--'))
    .map((t) => t.replace(/\$\{(\w+):-([^}]*)\}/g, (_, name: string, fallback: string) => env[name] || fallback));
}

/** The real service (dist/apps/api/src/main.js) as a child process on a free port, started as `npm start` starts it. */
export class Service {
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout!.on('data', (c: Buffer) => (this.output = (this.output + c.toString()).slice(-10_000)));
    child.stderr!.on('data', (c: Buffer) => (this.output = (this.output + c.toString()).slice(-10_000)));
  }

  static async start(dataDir: string, options: { env?: Record<string, string>; nodeFlags?: string[] } = {}): Promise<Service> {
    const port = await freePort();
    const child = spawn(process.execPath, [...startScriptNodeFlags(), ...(options.nodeFlags ?? []), API_MAIN], {
      env: { ...process.env, ...serviceEnv(dataDir, port, options.env) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new Service(child, `http://127.0.0.1:${port}`);
    try {
      await waitForHttp(`${service.url}/health`, 120_000, child);
      await waitForHttp(`${service.url}/ready`, 600_000, child);
    } catch (e) {
      await stopChild(child);
      throw new Error(`${(e as Error).message}\n${service.output}`);
    }
    return service;
  }

  /** Peak RSS of the service since it started, in MB. */
  peakRssMb(): number | null {
    return this.child.pid ? peakRssMb(this.child.pid) : null;
  }

  /** CPU time the service has used so far, in ms. */
  cpuMs(): number | null {
    return this.child.pid ? cpuMs(this.child.pid) : null;
  }

  get log(): string {
    return this.output;
  }

  stop(): Promise<void> {
    return stopChild(this.child, 10_000);
  }
}

// A KeyObject, as the service holds its key: given the string, jsonwebtoken first tries it as a
// private key and fails on every sign (about 0.5 ms), CPU the load generator took from the service.
const jwt = new JwtService({ secret: createSecretKey(Buffer.from(BENCH_JWT_SECRET)) });
const tokens = new Map<string, string>();

/** A bearer header for a user (tokens cached: signing is not what is measured). */
export function bearer(userId: string, role: string, orgId: string): Record<string, string> {
  const key = `${userId}/${role}/${orgId}`;
  let token = tokens.get(key);
  if (!token) {
    token = jwt.sign({ sub: userId, name: userId, roles: [role], orgId }, { expiresIn: '2h' });
    tokens.set(key, token);
  }
  return { authorization: `Bearer ${token}` };
}
