import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/cli-command.ts';
import { createEvaluateCommand, evaluateCommand } from '../../../src/cli/commands/evaluate.ts';
import type { Analyzer } from '../../../src/core/ports.ts';
import { captureCliIo } from '../../support/capture-cli-io.ts';
import { runVerbatim } from '../../support/cli-harness.ts';

const repoRoot = resolve(new URL('../../..', import.meta.url).pathname);

const captureIo = (cwd = repoRoot) => captureCliIo(cwd);

describe('verbatim evaluate', () => {
  it('prints accuracy and macro-F1 per field, the language split and the priority confusion', async () => {
    const { io, out } = captureIo();
    expect(await evaluateCommand.run([], io)).toBe(0);
    const text = out();
    expect(text).toContain('engine heuristic');
    expect(text).toMatch(/^all\s+\d+\s+[\d.]+/m);
    expect(text).toMatch(/^en\s+\d+/m);
    expect(text).toMatch(/^fi\s+\d+/m);
    expect(text).toMatch(/^held-out\s+\d+/m);
    expect(text).toContain('Priority confusion');
    expect(text).toMatch(/^P1\s+\d+\s+\d+\s+\d+\s+\d+/m);
  });

  it('prints JSON with --json', async () => {
    const { io, out } = captureIo();
    expect(await evaluateCommand.run(['--json'], io)).toBe(0);
    const report = JSON.parse(out());
    expect(report.engine).toBe('heuristic');
    expect(report.slices.all.priority.accuracy).toBeGreaterThan(0);
    expect(Object.keys(report.slices)).toEqual(['all', 'en', 'fi', 'held-out', 'tuning']);
  });

  it('scores any analyzer on any labelled file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-evaluate-'));
    const lines = [
      {
        id: 'x1',
        text: 'The site is down',
        language: 'en',
        noise: false,
        priority: 'P1',
        topic: 'outage',
        churn: null,
      },
      { id: 'x2', text: 'thanks!', language: 'en', noise: true, priority: null, topic: null, churn: null },
    ];
    await writeFile(join(dir, 'set.jsonl'), lines.map((line) => JSON.stringify(line)).join('\n'));
    const alwaysP3: Analyzer = {
      name: 'always-p3',
      analyze: async () => ({
        summary: '',
        priority: 'P3',
        priorityReason: '',
        topics: ['outage'],
        sentiment: 0,
        churnSignals: [],
        language: 'en',
        confidence: 0.5,
        engine: 'always-p3',
        usage: null,
      }),
    };
    const { io, out } = captureIo();
    const args = [
      '--file',
      join(dir, 'set.jsonl'),
      '--taxonomy',
      join(repoRoot, 'test/fixtures/triage-taxonomy.yaml'),
      '--json',
    ];
    expect(await createEvaluateCommand({ analyzer: alwaysP3 }).run(args, io)).toBe(0);
    const report = JSON.parse(out());
    // The floor lifts "site is down" to P1 whatever the analyzer said, as in production.
    expect(report.slices.all.priority.accuracy).toBe(1);
    expect(report.engine).toBe('always-p3');
  });

  it('reports a broken labelled file with its line and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-evaluate-'));
    await writeFile(join(dir, 'bad.jsonl'), '{"id": "a"}\n');
    const { io, err } = captureIo();
    expect(await evaluateCommand.run(['--file', join(dir, 'bad.jsonl')], io)).toBe(1);
    expect(err()).toMatch(/bad\.jsonl: line 1: /);
  });

  it('reports a missing or invalid taxonomy and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-evaluate-'));
    await writeFile(join(dir, 'topics.yaml'), '- id: Not Valid\n  label: x\n');
    const missing = captureIo();
    expect(await evaluateCommand.run(['--taxonomy', join(dir, 'nope.yaml')], missing.io)).toBe(1);
    expect(missing.err()).toContain('nope.yaml');
    const invalid = captureIo();
    expect(await evaluateCommand.run(['--taxonomy', join(dir, 'topics.yaml')], invalid.io)).toBe(1);
    expect(invalid.err()).toMatch(/topics\.yaml: 0\.id: /);
  });

  it('rejects unknown options as a usage error', async () => {
    const { io } = captureIo();
    await expect(evaluateCommand.run(['--nope'], io)).rejects.toBeInstanceOf(UsageError);
    await expect(evaluateCommand.run(['--file'], io)).rejects.toBeInstanceOf(UsageError);
  });

  it('parses its options strictly through the dispatcher: unknown option and missing value exit 2', async () => {
    expect(await runVerbatim(['evaluate', '--mistake'], { cwd: repoRoot })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^verbatim evaluate: unknown option "--mistake"\nusage: verbatim evaluate /,
      ),
    });
    expect(await runVerbatim(['evaluate', '--taxonomy'], { cwd: repoRoot })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^verbatim evaluate: --taxonomy needs a value\n/),
    });
    expect(await runVerbatim(['evaluate', 'labelled.jsonl'], { cwd: repoRoot })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^verbatim evaluate: unexpected argument "labelled.jsonl"\n/),
    });
    const valid = await runVerbatim(['evaluate', '--file=test/fixtures/triage-labelled.jsonl', '--json'], {
      cwd: repoRoot,
    });
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({
      engine: 'heuristic',
      file: 'test/fixtures/triage-labelled.jsonl',
    });
  });
});
