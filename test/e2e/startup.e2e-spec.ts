import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createApp } from '../../apps/api/src/bootstrap';
import { ConfigError, loadConfig } from '../../apps/api/src/config/app-config';

describe('starting the service', () => {
  it('refuses production without a real secret, listing the problem', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SEED_DEMO: 'true' })).toThrow(/SEED_DEMO/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).seedDemo).toBe(false);
  });

  it('lists every bad variable at once', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', EVENT_STORE: 'kurrentdb', LOG_LEVEL: 'loud' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/LOG_LEVEL/);
    expect(message).toMatch(/KURRENTDB_CONNECTION_STRING/);
  });

  it('defaults to the embedded store under ./data', () => {
    const c = loadConfig({});
    expect(c.EVENT_STORE).toBe('sqlite');
    expect(c.sqlitePath).toBe(path.join('data', 'events.sqlite'));
    expect(c.PORT).toBe(3000);
  });

  it('refuses to start with a clear message when the data directory is not writable', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jingsai-')), 'a-file');
    fs.writeFileSync(file, 'not a directory');
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: path.join(file, 'data') });
    await expect(createApp(config, { logger: false })).rejects.toThrow(/directory .* is not writable.*DATA_DIR/);
  });
});
