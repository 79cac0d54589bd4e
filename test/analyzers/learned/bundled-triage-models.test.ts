import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bundledTriageModels,
  loadTriageModels,
  TriageModelsSchema,
} from '../../../src/analyzers/learned/triage-models.ts';
import { trainTriageCommand } from '../../../src/cli/commands/train-triage.ts';
import { captureCliIo } from '../../support/capture-cli-io.ts';

const repoRoot = resolve(new URL('../../..', import.meta.url).pathname);

const captureIo = () => captureCliIo(repoRoot);

describe('the bundled triage models', () => {
  it('is absent rather than fatal when the file is missing or invalid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-model-'));
    await writeFile(join(dir, 'broken.json'), '{"kind": "something else"}');
    expect(loadTriageModels(join(dir, 'missing.json'))).toBeNull();
    expect(loadTriageModels(join(dir, 'broken.json'))).toBeNull();
  });

  it('is valid and was trained on the labelled sets as they are now, never on the blind batches', () => {
    const model = bundledTriageModels();
    if (model === null) throw new Error('assets/models/triage-models.json is missing or invalid');
    for (const source of model.trainedOn) {
      const content = readFileSync(join(repoRoot, source.file));
      expect(
        createHash('sha256').update(content).digest('hex'),
        `${source.file} changed: run verbatim train-triage`,
      ).toBe(source.sha256);
    }
    const files = model.trainedOn.map((source) => source.file);
    for (const batch of [
      171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191,
      192, 193, 194, 195, 196, 197, 198, 199, 200,
    ])
      expect(files).not.toContain(`test/fixtures/triage-heldout-${batch}.jsonl`);
  });

  it('is reproduced exactly by `verbatim train-triage`', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'verbatim-model-')), 'model.json');
    const { io, out: stdout } = captureIo();
    expect(await trainTriageCommand.run(['--out', out], io)).toBe(0);
    expect(stdout()).toMatch(
      /urgent \(P1\/P2\): .*\n5-fold cross-validation, where the rules are silent: recall [\d.]+, precision [\d.]+/,
    );
    expect(stdout()).toMatch(/churn signal: .*threshold/);
    const retrained = TriageModelsSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(retrained).toEqual(bundledTriageModels());
  }, 480_000);

  it('reports a malformed labelled file with its line and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-model-'));
    const bad = join(dir, 'bad.jsonl');
    await writeFile(bad, '{"id": "a", "text": 1}\n');
    const { io, err } = captureIo();
    expect(await trainTriageCommand.run(['--file', bad, '--out', join(dir, 'm.json')], io)).toBe(1);
    expect(err()).toMatch(/bad\.jsonl: .*line 1/);
  });
});
