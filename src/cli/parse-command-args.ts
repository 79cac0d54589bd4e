import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './cli-command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's arguments parsed strictly with `node:util` parseArgs: unknown options, a missing
 * value and stray positionals become a UsageError (printed with the command's usage, exit 2).
 * `positionals` is how many positional arguments the command takes at most.
 */
export function parseCommandArgs<const T extends Options>(args: string[], options: T, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals) {
      throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('ERR_PARSE_ARGS')) throw new UsageError(friendly(error as Error));
    throw error;
  }
}

/** node's messages, minus their advice about `--` that does not apply to our commands. */
function friendly(error: Error): string {
  return error.message
    .split('\n')[0]!
    .replace(/^Unknown option '([^']+)'.*$/, 'unknown option "$1"')
    .replace(/^Option '(-\S+)(?: <value>)?' argument missing$/, '$1 needs a value')
    .replace(
      /^Option '(-\S+)' argument is ambiguous\.$/,
      '$1 needs a value (one that starts with a dash is written $1=VALUE)',
    )
    .replace(/^Option '(-\S+)' does not take an argument$/, '$1 takes no value')
    .replace(/^Unexpected argument '([^']+)'.*$/, 'unexpected argument "$1"')
    .replace(/\. To specify a positional argument.*$/, '');
}
