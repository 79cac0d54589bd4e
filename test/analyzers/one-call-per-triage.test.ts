import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicAnalyzer } from '../../src/analyzers/anthropic-analyzer.ts';
import { createAnthropicClient } from '../../src/analyzers/create-anthropic-client.ts';
import { analyzeRequestText } from '../../src/core/pipeline/analyze-request-text.ts';
import { type FakeAnthropic, startFakeAnthropic } from '../fakes/anthropic-api.ts';
import { testConfig } from '../support/test-config.ts';

// Support reads Finnish (the first guess for Acme); billing reads English. The summary for the
// team that ends up owning the request comes from the same call.
describe('one model call per triage', () => {
  let fake: FakeAnthropic;
  const config = testConfig();

  beforeAll(async () => {
    fake = await startFakeAnthropic({ apiKey: 'sk-test' });
  });
  afterAll(() => fake.close());

  it('asks for every team language at once and uses the owning team’s translation', async () => {
    const answer = {
      summary: 'Asiakkaan lasku on väärin.',
      priority: 'P3',
      priorityReason: 'Laskutuskysymys.',
      topics: ['billing'],
      sentiment: -0.2,
      churnSignals: [],
      language: 'en',
      confidence: 0.9,
      translations: [
        { language: 'en', summary: 'The customer’s invoice is wrong.', priorityReason: 'Billing question.' },
        { language: 'fi', summary: 'Asiakkaan lasku on väärin.', priorityReason: 'Laskutuskysymys.' },
      ],
    };
    fake.respondWith(answer).respondWith(answer);
    const analyzer = createAnthropicAnalyzer({
      client: createAnthropicClient({
        apiKey: 'sk-test',
        baseURL: fake.baseURL,
        timeoutMs: 2000,
        maxRetries: 0,
      }),
      model: 'claude-haiku-5-5',
      redactPersonalData: true,
      timeoutMs: 2000,
    });
    const acme = config.directory.accounts.find((account) => account.id === 'acme')!;
    const triage = () =>
      analyzeRequestText(
        { analyzer, directory: config.directory, settings: { renewalWindowDays: 60 } },
        { text: 'Our invoice for October is wrong.', account: acme, now: new Date('2026-06-01T08:00:00Z') },
      );
    const { analysis, route } = await triage();
    expect(route.team.id).toBe('billing');
    expect(analysis.summary).toBe('The customer’s invoice is wrong.');
    expect(analysis.priorityReason).toBe('Billing question.');
    expect(fake.messageRequests()).toHaveLength(1);
    const body = fake.lastRequest().body!;
    expect(JSON.stringify(body['messages'])).toContain('translations: en, fi');
    expect(JSON.stringify(body['output_config'])).toContain('"translations"');
    expect(analysis.trace).toMatchObject({ calls: 1, redactions: 0, providerRequestId: expect.any(String) });

    // The second triage reads the cached prefix: system prompt and output schema are unchanged.
    const second = await triage();
    expect(fake.messageRequests()).toHaveLength(2);
    expect(second.analysis.usage?.cacheReadTokens).toBeGreaterThan(0);
    const [first, again] = fake
      .messageRequests()
      .map((request) => JSON.stringify([request.body?.['system'], request.body?.['output_config']]));
    expect(again).toBe(first);
  });
});
