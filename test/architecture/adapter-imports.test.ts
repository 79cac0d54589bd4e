import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The adapter boundary (issue 13, "adapters get ports, not storage"): the Slack, Teams and email
 * adapters reach storage only through the ports in src/adapter-contract.ts, built by the
 * composition root. They may name a storage type (`import type`), never load a storage module or
 * the composition root itself.
 */

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
const ADAPTER_DIRS = ['slack', 'teams', 'email'].map((name) => path.join(SRC, name));
const FORBIDDEN = [path.join(SRC, 'storage'), path.join(SRC, 'compose-verbatim.ts')];

/** `import … from 'x'` / `export … from 'x'` (with whether it is type-only) and `import('x')`. */
const STATEMENT =
  /\b(import|export)\s+(type\s+)?[^;'"`]*?\bfrom\s*(['"])([^'"]+)\3|\bimport\s*\(\s*(['"`])([^'"`]+)\5/g;
const COMMENT_OR_STRING =
  /('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;

function listTypeScript(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTypeScript(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The runtime imports of one file that load storage or the composition root. */
function findStorageImports(source: string, filePath: string): string[] {
  const code = source.replace(COMMENT_OR_STRING, (_whole, literal: string | undefined) => literal ?? ' ');
  const problems: string[] = [];
  for (const match of code.matchAll(STATEMENT)) {
    const typeOnly = match[2] !== undefined;
    const specifier = match[4] ?? match[6]!;
    if (typeOnly || !specifier.startsWith('.')) continue;
    const target = path.resolve(path.dirname(filePath), specifier);
    if (FORBIDDEN.some((forbidden) => target === forbidden || target.startsWith(`${forbidden}${path.sep}`)))
      problems.push(specifier);
  }
  return problems;
}

describe('platform adapter boundary', () => {
  const files = ADAPTER_DIRS.flatMap(listTypeScript);

  it('finds the adapter files', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('loads no storage module and not the composition root', () => {
    const offenders = files.flatMap((file) =>
      findStorageImports(readFileSync(file, 'utf8'), file).map(
        (specifier) => `${path.relative(SRC, file)} → ${specifier}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('tells a runtime storage import from a type-only one', () => {
    const file = path.join(SRC, 'slack/listeners/example.ts');
    expect(findStorageImports("import { releaseClaim } from '../../storage/once-claims.ts';", file)).toEqual([
      '../../storage/once-claims.ts',
    ]);
    expect(
      findStorageImports("import type { RequestListItem } from '../../storage/request-queries.ts';", file),
    ).toEqual([]);
    expect(findStorageImports("const m = await import('../../compose-verbatim.ts');", file)).toEqual([
      '../../compose-verbatim.ts',
    ]);
    expect(findStorageImports("import { x } from '../slack-refs.ts';", file)).toEqual([]);
  });
});
