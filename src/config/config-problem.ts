/** One thing wrong with the environment or the config file, phrased so the reader can fix it. */
export interface ConfigProblem {
  /** `environment`, or the config file's path. */
  file: string;
  /** Dotted path inside the file, e.g. `teams[2].destination.channel`. */
  path: string;
  /** 1-based line in the file when known. */
  line?: number;
  message: string;
}

export function formatProblem(problem: ConfigProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.path || '(root)'}: ${problem.message}`;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
