import { INestApplication } from '@nestjs/common';
import { TokenService } from '@jingsai/auth';
import { CLOCK, Clock } from '@jingsai/shared';
import { AppConfig } from '../config/app-config';
import { DEMO_USERS } from './demo-users';
import { seedDemo } from './seed-demo';

/** Print where the service listens; in development seed the demo and print a token per role. */
export async function announceStartup(app: INestApplication, config: AppConfig, url: string): Promise<void> {
  const out: string[] = [];
  out.push('', `Jingsai 竞赛 API listening on ${url}`, `  health:  ${url}/health`, `  docs:    ${url}/api/docs  (OpenAPI JSON: ${url}/api/docs-json)`);
  out.push(`  store:   ${config.EVENT_STORE === 'sqlite' ? config.sqlitePath : config.KURRENTDB_CONNECTION_STRING}`);
  if (config.seedDemo) {
    const seeded = await seedDemo(app);
    out.push(`  demo:    ${seeded ? 'seeded the 九江市 2021 campaign (see README, "Walkthrough")' : 'already seeded'}`);
    out.push(`  clock:   ${app.get<Clock>(CLOCK).now().toISOString()}${config.CLOCK_START ? ' (CLOCK_START)' : ''}`);
    const tokens = app.get(TokenService);
    out.push('', 'Demo tokens (development only; use as  Authorization: Bearer <token>):');
    for (const u of DEMO_USERS) {
      out.push(`  ${u.roles.join(',').padEnd(12)} ${u.label}`, `    export TOKEN_${u.userId.replace(/^u-/, '').replace(/-/g, '_').toUpperCase()}=${await tokens.issue(u)}`);
    }
  }
  console.log(out.join('\n'));
}
