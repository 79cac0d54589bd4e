import { formatProblem } from '../config/config-problem.ts';
import { type AppConfig, loadConfig } from '../config/load-config.ts';
import type { CliIo } from './cli-command.ts';

/** Loads env + config file; on problems prints every one of them and returns null. */
export function loadConfigOrExplain(io: CliIo, overrides: NodeJS.ProcessEnv = {}): AppConfig | null {
  const result = loadConfig({ ...io.env, ...overrides }, io.cwd);
  if (result.ok) return result.value;
  io.stderr.write(`Verbatim cannot start: ${result.problems.length} configuration problem(s)\n`);
  for (const problem of result.problems) io.stderr.write(`  ✗ ${formatProblem(problem)}\n`);
  io.stderr.write('Run `verbatim doctor` for a full check.\n');
  return null;
}
