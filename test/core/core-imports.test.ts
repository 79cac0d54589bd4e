import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The boundary test: `src/core` is the domain and may import only other `src/core` files and
 * `zod`. No platform SDK, no Node API, no storage, so the rules stay pure and testable.
 */

const CORE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/core');
const ALLOWED_PACKAGES = new Set(['zod']);

/** Static `import … from 'x'`, `import 'x'`, `export … from 'x'`, `import('x')`, `require('x')`. */
const SPECIFIER =
  /\bfrom\s*(['"])([^'"]+)\1|\bimport\s*(['"])([^'"]+)\3|\bimport\s*\(\s*(['"`])([^'"`$]+)\5\s*\)|\brequire\s*\(\s*(['"`])([^'"`$]+)\7\s*\)/g;
/** Comments (kept strings intact), so "from `now`" in a doc comment is not read as an import. */
const COMMENT_OR_STRING =
  /('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;

function stripComments(source: string): string {
  return source.replace(COMMENT_OR_STRING, (_whole, literal: string | undefined) => literal ?? ' ');
}
/** `import(x)` / `require(x)` with something other than a plain string literal: cannot be checked. */
const COMPUTED = /\bimport\s*\(\s*(?!['"`][^'"`$]*['"`]\s*\))|\brequire\s*\(\s*(?!['"`][^'"`$]*['"`]\s*\))/g;

/**
 * Lists the forbidden imports of one core file: package imports other than zod, relative imports
 * that leave `coreDir`, and dynamic imports or requires whose target is not a string literal.
 */
function findForbiddenImports(source: string, filePath: string, coreDir: string = CORE_DIR): string[] {
  const problems: string[] = [];
  const code = stripComments(source);
  for (const match of code.matchAll(SPECIFIER)) {
    const specifier = match[2] ?? match[4] ?? match[6] ?? match[8]!;
    if (specifier.startsWith('.')) {
      const target = path.resolve(path.dirname(filePath), specifier);
      const relative = path.relative(coreDir, target);
      if (relative.startsWith('..') || path.isAbsolute(relative))
        problems.push(`${specifier} (outside src/core)`);
    } else if (!ALLOWED_PACKAGES.has(specifier)) {
      problems.push(specifier);
    }
  }
  for (const match of code.matchAll(COMPUTED)) problems.push(`${match[0].trim()}… (computed specifier)`);
  return problems;
}

function listTypeScript(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTypeScript(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('src/core boundary', () => {
  const files = listTypeScript(CORE_DIR);

  it('finds the core files', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('imports only src/core files and zod', () => {
    const violations = files.flatMap((file) =>
      findForbiddenImports(readFileSync(file, 'utf8'), file).map(
        (problem) => `${path.relative(CORE_DIR, file)}: ${problem}`,
      ),
    );
    expect(violations).toEqual([]);
  });
});

describe('findForbiddenImports', () => {
  const file = path.join(CORE_DIR, 'pipeline', 'triage-request.ts');

  it.each([
    ["import { z } from 'zod';"],
    ["import type { Account } from '../directory.ts';"],
    ["export { applyFloor } from './priority-floor.ts';"],
    ["export * from '../floor.ts';"],
    ["const lazy = await import('../routing.ts');"],
    ['import {\n  a,\n  b,\n} from "./a.ts";'],
  ])('allows %j', (source) => {
    expect(findForbiddenImports(source, file)).toEqual([]);
  });

  it.each([
    ["import { readFileSync } from 'node:fs';", 'node:fs'],
    ["import fs from 'fs';", 'fs'],
    ["import type { WebClient } from '@slack/web-api';", '@slack/web-api'],
    ["import 'pino';", 'pino'],
    ["export { default } from 'pg';", 'pg'],
    ["const boss = await import('pg-boss');", 'pg-boss'],
    ["const x = require('node:crypto');", 'node:crypto'],
    [
      "import { loadConfig } from '../../config/load-config.ts';",
      '../../config/load-config.ts (outside src/core)',
    ],
    ["import { x } from '../../../outside.ts';", '../../../outside.ts (outside src/core)'],
    ["import { z } from 'zod/mini';", 'zod/mini'],
  ])('reports %j', (source, expected) => {
    expect(findForbiddenImports(source, file)).toEqual([expected]);
  });

  it('ignores import-like words in comments', () => {
    const source =
      "/** Days from `now`; see import('x') */\n// import fs from 'node:fs'\nconst url = 'https://a.example';";
    expect(findForbiddenImports(source, file)).toEqual([]);
  });

  it('still sees an import after a comment on the same line', () => {
    expect(findForbiddenImports("/* ok */ import fs from 'node:fs';", file)).toEqual(['node:fs']);
  });

  it('reports dynamic imports and requires it cannot check', () => {
    const problems = findForbiddenImports(['await import(name);', 'require(`$', '{x}`);'].join(''), file);
    expect(problems).toHaveLength(2);
    expect(problems.every((problem) => problem.endsWith('(computed specifier)'))).toBe(true);
  });
});
