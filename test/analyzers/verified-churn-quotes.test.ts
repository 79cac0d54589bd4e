import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicAnalyzer } from '../../src/analyzers/anthropic-analyzer.ts';
import { createAnthropicClient } from '../../src/analyzers/create-anthropic-client.ts';
import { renderRoutedPostText } from '../../src/console/render-routed-post-text.ts';
import { analyzeRequestText } from '../../src/core/pipeline/analyze-request-text.ts';
import { renderRoutedPost } from '../../src/slack/views/routed-post-message.ts';
import { type FakeAnthropic, startFakeAnthropic } from '../fakes/anthropic-api.ts';
import { sampleMessage, sampleView } from '../slack/views/sample-routed-post-view.ts';
import { testConfig } from '../support/test-config.ts';

// A scripted model that quotes one phrase exactly and paraphrases another, through the real SDK.
describe('churn-signal quotes from a paraphrasing model', () => {
  let fake: FakeAnthropic;
  const config = testConfig();
  const text =
    'The CSV export is broken again. We have told you this before, twice. Honestly, Rival Corp does this out of the box.';

  beforeAll(async () => {
    fake = await startFakeAnthropic({ apiKey: 'sk-test' });
  });
  afterAll(() => fake.close());

  it('keeps the verified quote and marks the paraphrase as the model’s words, never in quotation marks', async () => {
    fake.respondWith({
      summary: 'Export broken again; customer compares us with Rival Corp.',
      priority: 'P2',
      priorityReason: 'Repeated defect with a competitor comparison.',
      topics: ['bug'],
      sentiment: -0.6,
      churnSignals: [
        { driver: 'unheard-voice', phrase: 'We have told you this before, twice.' },
        { driver: 'competitor', phrase: 'the customer says Rival Corp is better', competitor: 'Rival Corp' },
      ],
      language: 'en',
      confidence: 0.8,
    });
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
    const { analysis } = await analyzeRequestText(
      { analyzer, directory: config.directory, settings: { renewalWindowDays: 60 } },
      { text, account: null, now: new Date('2026-11-23T08:00:00Z') },
    );
    expect(analysis.churnSignals).toEqual([
      { driver: 'unheard-voice', phrase: 'We have told you this before, twice.', quoted: true },
      {
        driver: 'competitor',
        phrase: 'the customer says Rival Corp is better',
        competitor: 'Rival Corp',
        quoted: false,
      },
    ]);

    const view = sampleView({ messages: [sampleMessage({ text })], analysis });
    const slack = JSON.stringify(renderRoutedPost(view).blocks);
    expect(slack).toContain('“We have told you this before, twice.”');
    expect(slack).toContain('_model’s paraphrase:_ the customer says Rival Corp is better');
    expect(slack).not.toContain('“the customer says Rival Corp is better”');
    const console = renderRoutedPostText(view, 'C0SUPPORT');
    expect(console).toContain("model's paraphrase: the customer says Rival Corp is better");
    expect(console).not.toContain('"the customer says Rival Corp is better"');
  });
});
