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
    .option('--expires <duration>', 'lifetime: seconds, or with a unit, e.g. 3600, 8h, 30d', '30d')
    .action(async (o: { user: string; org: string; role: string[]; name?: string; expires: string }) => {
      const bad = o.role.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length) throw new Error(`unknown role(s): ${bad.join(', ')}; use ${ROLES.join(', ')}`);
      // A token the service would refuse is not issued (review 41 #13): it would fail on first use, far from here.
      if (!o.user.trim()) throw new Error('--user must not be empty (用户标识不能为空)');
      if (!o.org.trim()) throw new Error('--org must not be empty (所属组织不能为空)');
      const expires = o.expires.trim();
      if (!/^[1-9]\d*(s|m|h|d|w|y)?$/.test(expires)) {
        throw new Error(`--expires ${o.expires} is not a lifetime; give a positive number of seconds, or one with a unit, e.g. 8h, 30d (有效期应为秒数或带单位的正数，如 8h、30d)`);
      }
      await withAppContext(async (ctx) => {
        const token = await ctx.get(TokenService).issue({ userId: o.user, name: o.name ?? o.user, roles: o.role as Role[], orgId: o.org }, /^\d+$/.test(expires) ? Number(expires) : expires);
        process.stdout.write(`${token}\n`);
      });
    });
}
