#!/usr/bin/env node
// Runs the built CLI when `npm run build` has produced dist/, otherwise the TypeScript source via tsx.
import { existsSync } from 'node:fs';
import process from 'node:process';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `verbatim needs Node.js 22.12 or newer (24 LTS recommended); this is ${process.version}. See README, "Node version".\n`,
  );
  process.exit(1);
}

import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/verbatim-cli-entry.js', import.meta.url));
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/verbatim-cli-entry.ts');
}
