import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { createHeuristicAnalyzer } from '../../../src/analyzers/heuristic/heuristic-analyzer.ts';
import { AnalysisSchema } from '../../../src/core/analysis.ts';
import { TopicSchema } from '../../../src/core/directory.ts';
import type { AnalyzerInput } from '../../../src/core/ports.ts';
import { applyFloor } from '../../../src/core/priority-floor.ts';

const taxonomy = z
  .array(TopicSchema)
  .parse(parse(readFileSync(new URL('../../fixtures/triage-taxonomy.yaml', import.meta.url), 'utf8')));

const input = (text: string, overrides: Partial<AnalyzerInput> = {}): AnalyzerInput => ({
  text,
  account: null,
  taxonomy,
  summaryLanguage: 'en',
  floor: [],
  ...overrides,
});

const analyzer = createHeuristicAnalyzer();

describe('createHeuristicAnalyzer', () => {
  it('is named heuristic and reports no token usage', async () => {
    const analysis = await analyzer.analyze(input('The invoice is wrong.'));
    expect(analyzer.name).toBe('heuristic');
    expect(analysis.engine).toBe('heuristic');
    expect(analysis.usage).toBeNull();
  });

  it('triages an English outage as P1 outage with a quoted reason', async () => {
    const analysis = await analyzer.analyze(
      input('Hi team, our dashboard is down since 9am and none of our users can log in. Thanks, Maria'),
    );
    expect(analysis).toMatchObject({ priority: 'P1', language: 'en' });
    expect(analysis.topics[0]).toBe('outage');
    expect(analysis.priorityReason).toContain('“is down”');
    expect(analysis.summary).toBe('our dashboard is down since 9am and none of our users can log in.');
  });

  it('triages a Finnish billing question as P3 billing, reasoned in Finnish for a Finnish team', async () => {
    const analysis = await analyzer.analyze(
      input('Hei, laskussamme on virhe: meitä on veloitettu kahdesti marraskuulta. Voisitteko korjata?', {
        summaryLanguage: 'fi',
      }),
    );
    expect(analysis).toMatchObject({ priority: 'P3', language: 'fi' });
    expect(analysis.topics[0]).toBe('billing');
    expect(analysis.priorityReason).toMatch(/^Kysymys tai ongelma/);
    expect(analysis.sentiment).toBeLessThan(0);
  });

  it('records churn signals with the competitor and raises priority for a named switch', async () => {
    const analysis = await analyzer.analyze(input('Olemme päättäneet siirtyä Freshdeskiin ensi vuonna.'));
    expect(analysis.priority).toBe('P2');
    expect(analysis.churnSignals).toEqual([
      {
        driver: 'competitor',
        phrase: 'Olemme päättäneet siirtyä Freshdeskiin ensi vuonna.',
        competitor: 'Freshdesk',
      },
    ]);
  });

  it('applies the floor it was given and explains it once, so the core appends nothing', async () => {
    const floor = [{ rule: 'outage', priority: 'P1' as const, reason: 'mentions an outage', phrase: 'down' }];
    const analysis = await analyzer.analyze(input('Could you add a dark mode?', { floor }));
    expect(analysis.priority).toBe('P1');
    expect(analysis.priorityReason).toBe(
      'An idea or wish: “Could you add”. Priority floor P1: mentions an outage (“down”).',
    );
    expect(applyFloor(analysis, floor)).toBe(analysis);
  });

  it('is more confident with more evidence', async () => {
    const thin = await analyzer.analyze(input('hmm'));
    const rich = await analyzer.analyze(
      input('URGENT: production is down, invoices fail to sync to Netvisor and our customers are affected.'),
    );
    expect(rich.confidence).toBeGreaterThan(thin.confidence);
    expect(thin.confidence).toBeLessThanOrEqual(0.45);
  });

  it('gives the same output for the same input', async () => {
    const text =
      'We were promised SSO by March, it is still missing and we are looking at other vendors. Not acceptable!';
    const first = await analyzer.analyze(input(text));
    for (let run = 0; run < 5; run++) expect(await analyzer.analyze(input(text))).toEqual(first);
  });

  it('keeps topics inside the configured taxonomy', async () => {
    const analysis = await analyzer.analyze(
      input('The API sync fails and the invoice is wrong', { taxonomy: [] }),
    );
    expect(analysis.topics).toEqual([]);
  });

  const hostile: Array<[string, string]> = [
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['100k characters', 'The export fails again. '.repeat(4200)],
    ['100k without spaces', 'x'.repeat(100_000)],
    ['only emoji', '😡😡😡👍👍🎉'],
    ['lone surrogates', 'broken \ud83d text \ude00 here'],
    ['right-to-left text', 'الفاتورة غير صحيحة. النظام لا يعمل!'],
    ['control characters', 'a\u0000b\u0007c\u202eevil'],
    ['regex-looking text', '(((a+)+)+)$ .* [^] \\p{L} switch to (?:x)'],
    ['mention injection', '<!channel> <@U123> switch to <https://evil.example|Zendesk>'],
  ];
  it.each(hostile)('survives %s and returns a valid analysis', async (_label, text) => {
    const analysis = await analyzer.analyze(input(text));
    expect(AnalysisSchema.safeParse(analysis).success).toBe(true);
    for (const signal of analysis.churnSignals) expect(text).toContain(signal.phrase);
  });

  it('analyses a 100k-character text quickly', async () => {
    const text = 'Hei, laskussa on virhe ja raportit latautuvat hitaasti. '.repeat(1800);
    const started = performance.now();
    await analyzer.analyze(input(text));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
