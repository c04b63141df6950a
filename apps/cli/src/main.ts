import 'reflect-metadata';
import { Command } from 'commander';
import { exportCommand } from './commands/export.command';
import { generateCommand } from './commands/generate.command';
import { importCommand } from './commands/import.command';
import { rebuildCommand } from './commands/rebuild.command';
import { tokenCommand } from './commands/token.command';
import { verifyCommand } from './commands/verify.command';

/** Operator commands (commander): tokens, rebuild, verify, export, import, generate. Same configuration variables as the API. */
const program = new Command('jingsai')
  .description('Jingsai 竞赛 operator commands; configured by the same environment variables as the API')
  .addCommand(tokenCommand())
  .addCommand(rebuildCommand())
  .addCommand(verifyCommand())
  .addCommand(exportCommand())
  .addCommand(importCommand())
  .addCommand(generateCommand());

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
