import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './bootstrap';
import { PinoNestLogger } from './infrastructure/pino-logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const logger = PinoNestLogger.create(config.LOG_LEVEL);
  let app;
  try {
    app = await createApp(config, { logger });
  } catch (e) {
    logger.fatal({ msg: `Jingsai could not start: ${e instanceof Error ? e.message : String(e)}` }, 'Bootstrap');
    process.exit(1);
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  const { announceStartup } = await import('./demo/startup');
  await announceStartup(app, config, url);
}

void main();
