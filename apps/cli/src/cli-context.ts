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
): Promise<T> {
  const config = loadConfig({ ...process.env, PROJECTIONS_ENABLED: 'false', SCHEDULER_ENABLED: 'false', ...overrides });
  const ctx = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    return await fn(ctx, config);
  } finally {
    await ctx.close();
  }
}
