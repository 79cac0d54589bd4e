import type { CliCommand, CliIo } from './cli-command.ts';
import { UsageError } from './cli-command.ts';

/** `available` defaults to every command (commands/index.ts, imported then). */
export async function runCli(argv: string[], io: CliIo, only?: CliCommand[]): Promise<number> {
  const available = only ?? (await import('./commands/index.ts')).commands;
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(helpText(available));
    return name ? 0 : 2;
  }
  const command = available.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`verbatim: unknown command "${name}"\n\n${helpText(available)}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(
      `usage: ${command.usage}\n\n${command.summary}\n${command.help ? `\n${command.help}\n` : ''}`,
    );
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`verbatim ${command.name}: ${error.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}

function helpText(available: CliCommand[]): string {
  const width = Math.max(...available.map((command) => command.name.length));
  const lines = available.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `usage: verbatim <command> [options]\n\ncommands:\n${lines.join('\n')}\n\n\`verbatim <command> --help\` describes a command's options.\n`;
}
