import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalyzerFailure, type FailureReason } from '../../src/analyzers/analyzer-failure.ts';
import { createAnthropicAnalyzer } from '../../src/analyzers/anthropic-analyzer.ts';
import { createAnthropicClient } from '../../src/analyzers/create-anthropic-client.ts';
import { withFallback } from '../../src/analyzers/with-fallback.ts';
import type { Analyzer } from '../../src/core/ports.ts';
import { type FakeAnthropic, startFakeAnthropic } from '../fakes/anthropic-api.ts';
import { analyzerInput, fixedAnalyzer, memoryLogger, validAnswer } from './analyzer-test-kit.ts';

const MODEL = 'claude-haiku-5-5';

describe('withFallback around the Anthropic analyzer (real SDK, fake API)', () => {
  let fake: FakeAnthropic;

  beforeEach(async () => {
    fake = await startFakeAnthropic({ apiKey: 'sk-test' });
  });
  afterEach(() => fake.close());

  function triage(
    options: { maxRetries?: number; timeoutMs?: number; apiKey?: string; baseURL?: string } = {},
  ) {
    const timeoutMs = options.timeoutMs ?? 2_000;
    const client = createAnthropicClient({
      apiKey: options.apiKey ?? 'sk-test',
      baseURL: options.baseURL ?? fake.baseURL,
      timeoutMs,
      maxRetries: options.maxRetries ?? 1,
    });
    const primary = createAnthropicAnalyzer({ client, model: MODEL, redactPersonalData: true, timeoutMs });
    const fallback = fixedAnalyzer('heuristic');
    const reasons: FailureReason[] = [];
    const log = memoryLogger('info');
    const analyzer = withFallback(primary, fallback, {
      logger: log.logger,
      onFallback: (reason) => reasons.push(reason),
    });
    return { analyzer, fallback, reasons, log };
  }

  it('answers with the primary analysis when the API succeeds', async () => {
    fake.respondWith(validAnswer);
    const { analyzer, fallback, reasons } = triage();

    const analysis = await analyzer.analyze(analyzerInput('Invoice charged twice.'));

    expect(analysis.engine).toBe(MODEL);
    expect(analyzer.name).toBe(MODEL);
    expect(fallback.calls).toHaveLength(0);
    expect(reasons).toEqual([]);
  });

  it('retries a 429 after the retry-after delay, then succeeds without falling back', async () => {
    fake.rateLimit(1).respondWith(validAnswer);
    const { analyzer, reasons } = triage({ maxRetries: 2 });
    const started = performance.now();

    const analysis = await analyzer.analyze(analyzerInput('Invoice charged twice.'));

    expect(analysis.engine).toBe(MODEL);
    expect(fake.messageRequests()).toHaveLength(2);
    // retry-after: 1 (second) is honoured; the SDK's own first back-off would be ≤ 0.5 s.
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(reasons).toEqual([]);
  });

  it.each([
    ['server-error', (f: FakeAnthropic) => f.serverError().serverError()],
    ['overloaded', (f: FakeAnthropic) => f.overloaded().overloaded()],
    ['rate-limited', (f: FakeAnthropic) => f.rateLimit(0).rateLimit(0)],
  ] as const)('falls back with reason %s when retries are exhausted', async (reason, script) => {
    script(fake);
    const { analyzer, fallback, reasons } = triage({ maxRetries: 1 });

    const analysis = await analyzer.analyze(analyzerInput('Invoice charged twice.'));

    expect(fake.messageRequests()).toHaveLength(2);
    expect(analysis.engine).toBe(`heuristic (fallback: ${reason})`);
    expect(analysis.summary).toBe('Offline summary.');
    expect(fallback.calls).toHaveLength(1);
    expect(reasons).toEqual([reason]);
  });

  it('falls back with reason timeout when the API hangs past the client timeout', async () => {
    fake.hang().hang();
    const { analyzer, reasons } = triage({ maxRetries: 1, timeoutMs: 250 });

    const analysis = await analyzer.analyze(analyzerInput('Invoice charged twice.'));

    expect(analysis.engine).toBe('heuristic (fallback: timeout)');
    expect(fake.messageRequests()).toHaveLength(2);
    expect(reasons).toEqual(['timeout']);
  });

  it('falls back with reason invalid-output on malformed JSON, without retrying', async () => {
    fake.respondWithText('{"summary": "cut off');
    const { analyzer, reasons, log } = triage();

    const analysis = await analyzer.analyze(analyzerInput('SECRET-MARKER-7 invoice charged twice.'));

    expect(analysis.engine).toBe('heuristic (fallback: invalid-output)');
    expect(fake.messageRequests()).toHaveLength(1);
    expect(reasons).toEqual(['invalid-output']);
    expect(log.text()).toContain('analyzer failed, using fallback');
    expect(log.text()).not.toContain('SECRET-MARKER-7');
  });

  it('falls back with reason auth on a rejected API key', async () => {
    const { analyzer, reasons } = triage({ apiKey: 'sk-wrong' });

    const analysis = await analyzer.analyze(analyzerInput('Invoice charged twice.'));

    expect(analysis.engine).toBe('heuristic (fallback: auth)');
    expect(reasons).toEqual(['auth']);
  });

  it('falls back with reason network when nothing listens', async () => {
    const gone = await startFakeAnthropic();
    await gone.close();
    const { analyzer, reasons } = triage({ maxRetries: 0, baseURL: gone.baseURL });

    const analysis = await analyzer.analyze(analyzerInput('Invoice charged twice.'));

    expect(analysis.engine).toBe('heuristic (fallback: network)');
    expect(reasons).toEqual(['network']);
  });
});

describe('withFallback with plain analyzers', () => {
  it('labels an unclassified failure as error and uses the fallback’s name', async () => {
    const broken: Analyzer = {
      name: 'broken',
      analyze: () => Promise.reject(new TypeError('bug')),
    };

    const analysis = await withFallback(broken, fixedAnalyzer('offline')).analyze(analyzerInput('x'));

    expect(analysis.engine).toBe('offline (fallback: error)');
  });

  it('keeps the reason of an AnalyzerFailure', async () => {
    const failing: Analyzer = {
      name: 'failing',
      analyze: () => Promise.reject(new AnalyzerFailure('overloaded', 'busy')),
    };

    const analysis = await withFallback(failing, fixedAnalyzer()).analyze(analyzerInput('x'));

    expect(analysis.engine).toBe('heuristic (fallback: overloaded)');
  });

  it('lets a failing fallback propagate so the job can retry', async () => {
    const failing: Analyzer = { name: 'a', analyze: () => Promise.reject(new Error('a')) };
    const alsoFailing: Analyzer = { name: 'b', analyze: () => Promise.reject(new Error('b down')) };

    await expect(withFallback(failing, alsoFailing).analyze(analyzerInput('x'))).rejects.toThrow('b down');
  });
});
