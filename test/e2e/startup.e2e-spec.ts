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

  it('adds the holiday years of HOLIDAY_CALENDAR_FILE to the working-day calendar the notice handler counts on, and refuses a bad file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jingsai-holidays-'));
    const file = path.join(dir, 'holidays.json');
    // Made-up dates for a test year, not a published arrangement.
    fs.writeFileSync(file, JSON.stringify({ years: [{ year: 2099, source: '测试用放假安排', holidays: [{ name: '测试假日', from: '2099-03-11', to: '2099-03-13' }], adjustedWorkingDays: [] }] }));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: path.join(dir, 'data'), SCHEDULER_ENABLED: 'false', HOLIDAY_CALENDAR_FILE: file });
    expect(config.holidayCalendar!.years.map((y) => y.year)).toEqual(expect.arrayContaining([2021, 2026, 2099]));
    const { StartPublicNoticeHandler } = await import('../../libs/awards/src/application/award-round-notice.handlers');
    const app = await createApp(config, { logger: false });
    try {
      expect((app.get(StartPublicNoticeHandler) as unknown as { config: typeof config }).config.holidayCalendar).toBe(config.holidayCalendar);
    } finally {
      await app.close();
    }
    fs.writeFileSync(file, JSON.stringify({ years: [{ year: 2099, source: 'x', holidays: [{ name: '春节', from: '2099-02-30', to: '2099-03-01' }], adjustedWorkingDays: [] }] }));
    expect(() => loadConfig({ HOLIDAY_CALENDAR_FILE: file })).toThrow(/HOLIDAY_CALENDAR_FILE .*years\[0\]\.holidays\[0\]/);
    expect(() => loadConfig({ HOLIDAY_CALENDAR_FILE: path.join(dir, 'missing.json') })).toThrow(/cannot read/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start with a clear message when the data directory is not writable', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jingsai-')), 'a-file');
    fs.writeFileSync(file, 'not a directory');
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: path.join(file, 'data') });
    await expect(createApp(config, { logger: false })).rejects.toThrow(/directory .* is not writable.*DATA_DIR/);
  });
});
