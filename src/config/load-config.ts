import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Directory } from '../core/directory.ts';
import { type ConfigFile, ConfigFileSchema } from './config-file-schema.ts';
import { type ConfigProblem, formatPath } from './config-problem.ts';
import { findReferenceProblems } from './config-references.ts';
import { type Env, EnvSchema } from './env-schema.ts';
import { closest, findUnknownKeys } from './find-unknown-keys.ts';
import { findExpiringHolidayLists } from './holiday-warnings.ts';

export interface AppConfig {
  env: Env;
  file: ConfigFile;
  /** Absolute path of the config file that was read. */
  filePath: string;
  directory: Directory;
}

export type LoadResult<T> = { ok: true; value: T } | { ok: false; problems: ConfigProblem[] };

/**
 * Reads the environment (plus `.env` in `cwd` when present; real variables win) and validates it.
 * The environment is a parameter so tests never touch `process.env`.
 */
export function loadEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LoadResult<Env> {
  const dotenvPath = resolve(cwd, '.env');
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  const parsed = EnvSchema.safeParse({ ...fromFile, ...env });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      file: 'environment',
      path: formatPath(issue.path),
      message: issue.message,
    })),
  };
}

/** Parses and validates the YAML config file text, reporting every problem with its line. */
export function parseConfigFile(text: string, filePath: string): LoadResult<ConfigFile> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file: filePath,
        path: '',
        line: lineCounter.linePos(error.pos[0]).line,
        message: `YAML syntax: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const raw: unknown = doc.toJS() ?? {};
  const parsed = ConfigFileSchema.safeParse(raw);
  const located = (at: ReadonlyArray<PropertyKey>, message: string): ConfigProblem => ({
    file: filePath,
    path: formatPath(at),
    line: lineOf(doc.contents, at, lineCounter),
    message,
  });
  const problems = [
    ...findUnknownKeys(ConfigFileSchema, raw).map((problem) => located(problem.at, problem.message)),
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) =>
          located(issue.path, describeIssue(issue, valueAt(raw, issue.path))),
        )),
    ...findReferenceProblems(raw).map((problem) => located(problem.at, problem.message)),
  ];
  if (parsed.success && problems.length === 0) return { ok: true, value: parsed.data };
  // In file order, so the reader can walk down the file fixing them.
  return { ok: false, problems: problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)) };
}

/**
 * Things in a valid config file that will go wrong later (a holiday list that runs out soon), with
 * their lines; `verbatim doctor` shows them as warnings.
 */
export function findConfigWarnings(text: string, filePath: string, today = new Date()): ConfigProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) return [];
  return findExpiringHolidayLists(doc.toJS(), today).map((warning) => ({
    file: filePath,
    path: formatPath(warning.at),
    line: lineOf(doc.contents, warning.at, lineCounter),
    message: warning.message,
  }));
}

export function loadConfigFile(filePath: string): LoadResult<ConfigFile> {
  const absolute = resolve(filePath);
  if (!existsSync(absolute)) {
    return {
      ok: false,
      problems: [
        {
          file: absolute,
          path: '',
          message:
            'config file not found; copy examples/verbatim.config.yaml there or point VERBATIM_CONFIG at your file',
        },
      ],
    };
  }
  return parseConfigFile(readFileSync(absolute, 'utf8'), absolute);
}

/** Loads env and config file together and reports the problems of both at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LoadResult<AppConfig> {
  const envResult = loadEnv(env, cwd);
  const configPath = resolve(
    cwd,
    envResult.ok ? envResult.value.VERBATIM_CONFIG : (env.VERBATIM_CONFIG ?? './verbatim.config.yaml'),
  );
  const fileResult = loadConfigFile(configPath);
  if (!envResult.ok || !fileResult.ok) {
    return {
      ok: false,
      problems: [...(envResult.ok ? [] : envResult.problems), ...(fileResult.ok ? [] : fileResult.problems)],
    };
  }
  return {
    ok: true,
    value: {
      env: envResult.value,
      file: fileResult.value,
      filePath: configPath,
      directory: toDirectory(fileResult.value),
    },
  };
}

export function toDirectory(file: ConfigFile): Directory {
  return {
    teams: file.teams,
    accounts: file.accounts,
    topics: file.topics,
    rules: file.routing.rules,
    defaultTeam: file.routing.defaultTeam,
    unmapped: file.routing.unmapped,
    ownDomains: file.ownDomains,
  };
}

function describeIssue(issue: z.core.$ZodIssue, received: unknown): string {
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) {
    return `required: ${issue.message.replace(/^Invalid input: /, '')}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const valid = issue.values.map((value) => JSON.stringify(value)).join(', ');
    const guess =
      typeof received === 'string'
        ? closest(
            received,
            issue.values.filter((value): value is string => typeof value === 'string'),
          )
        : undefined;
    const got = received === undefined ? '' : `, not ${JSON.stringify(received)}`;
    return `must be one of ${valid}${got}${guess ? `; did you mean "${guess}"?` : ''}`;
  }
  if (issue.code === 'invalid_union' && issue.errors.every((errors) => errors[0]?.code === 'invalid_type')) {
    const expected = issue.errors.map((errors) => (errors[0] as { expected?: string }).expected);
    return `expected ${expected.join(' or ')}, not ${Array.isArray(received) ? 'a list' : typeof received}`;
  }
  return issue.message;
}

function valueAt(raw: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The line of the deepest node along `path` that exists in the document. */
function lineOf(root: unknown, path: ReadonlyArray<PropertyKey>, counter: LineCounter): number | undefined {
  let node = root as Node | null | undefined;
  let line: number | undefined = rangeLine(node, counter);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      line = rangeLine(pair.key as Node, counter) ?? line;
      node = pair.value as Node;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key] as Node;
    } else break;
    line = rangeLine(node, counter) ?? line;
  }
  return line;
}

function rangeLine(node: Node | null | undefined, counter: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}
