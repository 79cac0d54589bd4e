/**
 * Generates the demo's Slack-export-style history under examples/slack-export/ from the scripted
 * storylines and a seeded PRNG, so every run writes byte-identical files.
 *
 *   npx tsx examples/generate-slack-export.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExport, type ExportFile } from './slack-export-generator/build-export.ts';
import { generateFiller } from './slack-export-generator/filler.ts';
import { ENTERPRISE_SCENES } from './slack-export-generator/scenes-enterprise.ts';
import { GROWTH_SCENES } from './slack-export-generator/scenes-growth.ts';
import { createRandom } from './slack-export-generator/seeded-random.ts';

export const EXPORT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'slack-export');
const SEED = 20261120;

export function generateSlackExport(): ExportFile[] {
  const random = createRandom(SEED);
  const filler = generateFiller(random);
  return buildExport([...ENTERPRISE_SCENES, ...GROWTH_SCENES, ...filler], random);
}

export function writeSlackExport(files: ExportFile[], dir = EXPORT_DIR): void {
  rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = generateSlackExport();
  writeSlackExport(files);
  const messages = files
    .filter((f) => f.path.includes('/'))
    .reduce((sum, f) => sum + (JSON.parse(f.content) as unknown[]).length, 0);
  console.log(`wrote ${files.length} files, ${messages} messages to ${EXPORT_DIR}`);
}
