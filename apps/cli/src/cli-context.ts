import { existsSync } from 'node:fs';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../api/src/app.module';
import { AppConfig, loadConfig } from '../../api/src/config/app-config';

/**
 * The CLI runs the same modules as the API in a Nest standalone application context, without
 * HTTP and without starting the projection runner (it drives the runner itself when needed).
 */
export async function withAppContext<T>(
  fn: (ctx: INestApplicationContext, config: AppConfig) => Promise<T>,
  overrides: Record<string, string> = {},
  options: { existingStore?: boolean } = {},
): Promise<T> {
  const config = loadConfig({ ...process.env, PROJECTIONS_ENABLED: 'false', SCHEDULER_ENABLED: 'false', ...overrides });
  // A command that only reads the log (verify, export) on a mistyped DATA_DIR made an empty store there and
  // reported "OK, 0 events" (review 41 #13): it is refused instead.
  if (options.existingStore && config.EVENT_STORE === 'sqlite' && !existsSync(config.sqlitePath)) {
    throw new Error(`no event store at ${config.sqlitePath} (找不到事件日志，请检查 DATA_DIR 或 SQLITE_PATH); nothing was read or written`);
  }
  const ctx = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    return await fn(ctx, config);
  } finally {
    await ctx.close();
  }
}
