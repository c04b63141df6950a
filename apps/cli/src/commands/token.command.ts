import { Command } from 'commander';
import { TokenService } from '@jingsai/auth';
import { ROLES, Role } from '@jingsai/shared';
import { withAppContext } from '../cli-context';

export function tokenCommand(): Command {
  return new Command('token')
    .description('issue a bearer token (签发令牌) for a user, signed with the configured JWT key')
    .requiredOption('--user <id>', 'user id')
    .requiredOption('--org <orgId>', 'organisation the user acts for')
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')}`)
    .option('--name <name>', 'display name')
    .option('--expires <duration>', 'lifetime, e.g. 8h, 30d', '30d')
    .action(async (o: { user: string; org: string; role: string[]; name?: string; expires: string }) => {
      const bad = o.role.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length) throw new Error(`unknown role(s): ${bad.join(', ')}; use ${ROLES.join(', ')}`);
      await withAppContext(async (ctx) => {
        const token = await ctx.get(TokenService).issue({ userId: o.user, name: o.name ?? o.user, roles: o.role as Role[], orgId: o.org }, o.expires);
        process.stdout.write(`${token}\n`);
      });
    });
}
