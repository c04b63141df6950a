import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, Min, validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { HolidayCalendarData, withOperatorYears } from '@jingsai/awards';

export const DEV_JWT_SECRET = 'jingsai-development-secret-do-not-use-in-production';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/**
 * Every setting, from environment variables, validated at start. Defaults give the embedded
 * single-machine service (README, "Configuration", lists them all).
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '0.0.0.0';
  @IsString() DATA_DIR = './data';
  @IsIn(['sqlite', 'kurrentdb']) EVENT_STORE: 'sqlite' | 'kurrentdb' = 'sqlite';
  @IsOptional() @IsString() SQLITE_PATH?: string;
  @IsIn(['FULL', 'NORMAL']) SQLITE_SYNCHRONOUS: 'FULL' | 'NORMAL' = 'FULL';
  @Transform(toInt) @IsInt() @Min(1) @Max(4096) SQLITE_CACHE_MB = 16;
  @IsOptional() @IsString() READ_MODEL_PATH?: string;
  @Transform(toInt) @IsInt() @Min(1) @Max(4096) READ_MODEL_CACHE_MB = 32;
  @IsOptional() @IsString() SNAPSHOT_PATH?: string;
  /** A project load that folds at least this many events leaves a snapshot behind; 0 turns snapshots off. */
  @Transform(toInt) @IsInt() @Min(0) SNAPSHOT_MIN_EVENTS = 250;
  /** Folded project and campaign states kept in memory, counted by the events they were folded from. */
  @Transform(toInt) @IsInt() @Min(0) STATE_CACHE_EVENTS = 100_000;
  /** Megabytes of board, supervision and statistics answers kept while the read models, the caller and the second stay the same; 0 keeps none. */
  @Transform(toInt) @IsInt() @Min(0) @Max(4096) QUERY_CACHE_MB = 16;
  @IsOptional() @IsString() KURRENTDB_CONNECTION_STRING?: string;
  @IsOptional() @IsString() JWT_SECRET?: string;
  @IsOptional() @IsString() JWT_PUBLIC_KEY?: string;
  @IsOptional() @IsString() JWT_PRIVATE_KEY?: string;
  @IsOptional() @IsString() JWT_ISSUER?: string;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  @IsOptional() @Transform(toBool) @IsBoolean() SEED_DEMO?: boolean;
  @IsOptional() @IsISO8601() CLOCK_START?: string;
  @Transform(toBool) @IsBoolean() SCHEDULER_ENABLED = true;
  @Transform(toInt) @IsInt() @Min(100) SCHEDULER_INTERVAL_MS = 5000;
  @Transform(toBool) @IsBoolean() PROJECTIONS_ENABLED = true;
  /** Group-commit the event log in a worker thread, so a commit's sync to disk never stops the service (for disks whose sync takes milliseconds). */
  @Transform(toBool) @IsBoolean() SQLITE_WRITER_THREAD = false;
  /** Run the projections in a worker thread, off the command path (SQLite store only). */
  @Transform(toBool) @IsBoolean() PROJECTIONS_THREAD = true;
  /** `cli rebuild` of every read model builds part of them on a second thread (SQLite files only). */
  @Transform(toBool) @IsBoolean() REBUILD_THREAD = true;
  /** Heap cap of the projection worker thread (MB). */
  @Transform(toInt) @IsInt() @Min(32) PROJECTION_HEAP_MB = 96;
  @Transform(toInt) @IsInt() @Min(1024) BODY_LIMIT_BYTES = 1_048_576;
  @Transform(toInt) @IsInt() @Min(0) MAX_WAIT_MS = 5000;
  /** JSON file of holiday years (国务院放假安排) added to the built-in calendar of working days. */
  @IsOptional() @IsString() HOLIDAY_CALENDAR_FILE?: string;
  /** Origins a browser console on another origin may call from (comma-separated, or `*`); none: same origin only. */
  @IsOptional() @IsString() CORS_ORIGINS?: string;

  /** The working-day calendar: built in, plus HOLIDAY_CALENDAR_FILE's years (set by loadConfig). */
  holidayCalendar?: HolidayCalendarData;

  get sqlitePath(): string {
    return this.SQLITE_PATH ?? path.join(this.DATA_DIR, 'events.sqlite');
  }
  get snapshotPath(): string {
    return this.SNAPSHOT_PATH ?? path.join(this.DATA_DIR, 'snapshots.sqlite');
  }
  get readModelPath(): string {
    return this.READ_MODEL_PATH ?? path.join(this.DATA_DIR, 'read-models.sqlite');
  }
  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
  get seedDemo(): boolean {
    return !this.isProduction && (this.SEED_DEMO ?? this.NODE_ENV === 'development');
  }
  /** Outside production an admin may move the clock over HTTP (demo and scenario tests). */
  get clockAdjustable(): boolean {
    return !this.isProduction;
  }
  /** CORS_ORIGINS as a list, `*` for any origin, or null when no other origin may call. */
  get corsOrigins(): string[] | '*' | null {
    const list = (this.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
    if (list.length === 0) return null;
    return list.includes('*') ? '*' : list;
  }
}

export class ConfigError extends Error {}

/** Parse and validate; refuses (with every problem listed) rather than starting half-configured. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat(['SQLITE_PATH', 'READ_MODEL_PATH', 'KURRENTDB_CONNECTION_STRING', 'JWT_SECRET', 'JWT_PUBLIC_KEY', 'JWT_PRIVATE_KEY', 'JWT_ISSUER', 'SEED_DEMO', 'CLOCK_START', 'HOLIDAY_CALENDAR_FILE', 'CORS_ORIGINS']);
  const raw: Record<string, string> = {};
  for (const k of known) if (env[k] !== undefined) raw[k] = env[k]!;
  const config = plainToInstance(AppConfig, raw);
  const problems = validateSync(config).flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
  if (config.EVENT_STORE === 'kurrentdb' && !config.KURRENTDB_CONNECTION_STRING) {
    problems.push('KURRENTDB_CONNECTION_STRING is required when EVENT_STORE=kurrentdb');
  }
  if (config.isProduction) {
    if (!config.JWT_PUBLIC_KEY && (!config.JWT_SECRET || config.JWT_SECRET === DEV_JWT_SECRET || config.JWT_SECRET.length < 32)) {
      problems.push('NODE_ENV=production needs a real JWT_SECRET (at least 32 characters) or JWT_PUBLIC_KEY');
    }
    if (config.SEED_DEMO) problems.push('SEED_DEMO cannot be used with NODE_ENV=production');
    if (config.CLOCK_START) problems.push('CLOCK_START cannot be used with NODE_ENV=production');
  }
  if (config.HOLIDAY_CALENDAR_FILE) problems.push(...loadHolidayYears(config));
  const origins = config.corsOrigins;
  if (Array.isArray(origins)) {
    for (const origin of origins) if (!/^https?:\/\/[^/\s?#]+$/.test(origin)) problems.push(`CORS_ORIGINS: ${origin} is not an origin (scheme://host[:port], no path), nor *`);
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  if (!config.JWT_SECRET && !config.JWT_PUBLIC_KEY) config.JWT_SECRET = DEV_JWT_SECRET;
  return config;
}

/** Reads HOLIDAY_CALENDAR_FILE (`{"years": [...]}` or the array alone) into config.holidayCalendar; returns its problems. */
function loadHolidayYears(config: AppConfig): string[] {
  const file = config.HOLIDAY_CALENDAR_FILE!;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return [`HOLIDAY_CALENDAR_FILE: cannot read ${file} as JSON (${(e as Error).message})`];
  }
  const years = Array.isArray(json) ? json : (json as { years?: unknown } | null)?.years;
  const loaded = withOperatorYears(years);
  if (loaded.calendar === null) return loaded.problems.map((p) => `HOLIDAY_CALENDAR_FILE ${file}: ${p.field}: ${p.messageEn}`);
  config.holidayCalendar = loaded.calendar;
  return [];
}
