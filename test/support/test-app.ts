import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthUser, TokenService } from '@jingsai/auth';
import { Upcaster } from '@jingsai/event-store';
import { AdjustableClock, Role } from '@jingsai/shared';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';

export interface TestResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  /** The body as received, before parsing. */
  text: string;
}

/**
 * The whole API in-process over Fastify's inject (real HTTP semantics, no port), on a fresh
 * SQLite store in a temp directory, with a clock the test moves.
 */
export class TestApp {
  private constructor(
    public app: NestFastifyApplication,
    readonly clock: AdjustableClock,
    readonly dataDir: string,
    private readonly config: ReturnType<typeof loadConfig>,
  ) {}

  static async start(options: { now?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jingsai-e2e-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'NORMAL', SCHEDULER_ENABLED: 'false', ...options.env });
    const clock = new AdjustableClock(options.now ?? '2021-07-01T09:00:00+08:00', { frozen: true });
    const app = await createApp(config, { clock, logger: false });
    return new TestApp(app, clock, dataDir, config);
  }

  /** Stops the app and starts it again on the same data directory (caches gone, files kept), optionally with other upcasters. */
  async restart(options: { extraUpcasters?: Upcaster[] } = {}): Promise<void> {
    await this.app.close();
    this.app = await createApp(this.config, { clock: this.clock, logger: false, ...options });
  }

  async stop(): Promise<void> {
    await this.app.close();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  async token(user: Partial<AuthUser> & { orgId: string; roles: Role[] }): Promise<string> {
    return this.app.get(TokenService).issue({ userId: user.userId ?? `u-${user.roles[0]}-${user.orgId}`, name: user.name ?? 'test user', roles: user.roles, orgId: user.orgId });
  }

  async request<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string } = {}): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.rawBody !== undefined) payload = options.rawBody;
    else if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await this.app.inject({ method, url, headers, payload });
    const type = String(res.headers['content-type'] ?? '');
    const body = type.includes('json') && res.body ? JSON.parse(res.body) : res.body;
    return { status: res.statusCode, headers: res.headers as any, body, text: res.body };
  }

  get<T = any>(url: string, token?: string) {
    return this.request<T>('GET', url, { token });
  }

  post<T = any>(url: string, body: unknown, token?: string, headers?: Record<string, string>) {
    return this.request<T>('POST', url, { token, body, headers });
  }
}
