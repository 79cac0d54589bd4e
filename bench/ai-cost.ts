import { createAnthropicAnalyzer } from '../src/analyzers/anthropic-analyzer.ts';
import { createAnthropicClient } from '../src/analyzers/create-anthropic-client.ts';
import type { Analysis } from '../src/core/analysis.ts';
import { analyzeRequestText } from '../src/core/pipeline/analyze-request-text.ts';
import type { Analyzer } from '../src/core/ports.ts';
import { type RecordedAnthropicRequest, startFakeAnthropic } from '../test/fakes/anthropic-api.ts';
import { testConfig } from '../test/support/test-config.ts';

const MODEL = 'claude-haiku-5-5';
const TOPICS = ['bug', 'billing', 'outage', 'onboarding', 'performance'] as const;

/**
 * Calls, tokens and cost per triage through the real SDK against the fake Messages API (its usage
 * figures simulate prompt caching: a system prefix seen before is a cache read). Requests come from
 * four accounts and route to teams reading Finnish and English, so a summary in the owning team's
 * language is needed for most of them. Baseline in the same run: the former behaviour, a second
 * call whenever the owning team's language differs from the first guess.
 */
export async function benchAiCost(options: { requests?: number } = {}) {
  const requests = options.requests ?? Number(process.env.BENCH_REQUESTS ?? 200);
  const config = testConfig();
  const results: Array<Record<string, string | number>> = [];
  for (const mode of ['second call per language (before)', 'one call with translations (now)'] as const) {
    const fake = await startFakeAnthropic({ apiKey: 'sk-bench' });
    fake.respondByDefaultWith((request) => answer(request));
    const anthropic = createAnthropicAnalyzer({
      client: createAnthropicClient({
        apiKey: 'sk-bench',
        baseURL: fake.baseURL,
        timeoutMs: 5000,
        maxRetries: 0,
      }),
      model: MODEL,
      redactPersonalData: true,
      timeoutMs: 5000,
    });
    const analyzer: Analyzer =
      mode === 'one call with translations (now)'
        ? anthropic
        : {
            name: MODEL,
            analyze: async (input) =>
              dropTranslations(await anthropic.analyze({ ...input, otherLanguages: [] })),
          };
    const totals = { input: 0, cacheRead: 0, cacheWrite: 0, output: 0, cost: 0 };
    try {
      for (let index = 0; index < requests; index++) {
        const account = config.directory.accounts[index % config.directory.accounts.length]!;
        const { analysis } = await analyzeRequestText(
          { analyzer, directory: config.directory, settings: { renewalWindowDays: 90 } },
          {
            text: `Request ${index}: the ${TOPICS[index % TOPICS.length]} problem from yesterday is back. Hi team, please have a look.\n\nBest regards,\nAnn Customer`,
            account,
            now: new Date('2026-11-23T08:00:00Z'),
          },
        );
        const usage = analysis.usage!;
        totals.input += usage.inputTokens;
        totals.cacheRead += usage.cacheReadTokens;
        totals.cacheWrite += usage.cacheWriteTokens;
        totals.output += usage.outputTokens;
        totals.cost += usage.costUsd;
      }
      const calls = fake.messageRequests().length;
      const allInput = totals.input + totals.cacheRead + totals.cacheWrite;
      results.push({
        mode,
        requests,
        'calls / request': (calls / requests).toFixed(2),
        'cache-read share of input': `${((100 * totals.cacheRead) / allInput).toFixed(1)} %`,
        'input tokens / request': Math.round(allInput / requests),
        'output tokens / request': Math.round(totals.output / requests),
        'cost / request (USD)': (totals.cost / requests).toFixed(5),
      });
    } finally {
      await fake.close();
    }
  }
  return results;
}

/** The scripted model: a valid answer with every translation the request asks for. */
function answer(request: RecordedAnthropicRequest) {
  const messages = (request.body?.['messages'] ?? []) as Array<{ content: string }>;
  const turn = messages[0]?.content ?? '';
  const index = Number(/Request (\d+)/.exec(turn)?.[1] ?? 0);
  const languages = /translations: ([a-z, ]+) \(/.exec(turn)?.[1]?.split(', ') ?? [];
  return {
    summary: 'The customer reports a recurring problem.',
    priority: 'P3',
    priorityReason: 'Recurring problem with a workaround.',
    topics: [TOPICS[index % TOPICS.length]],
    sentiment: -0.3,
    churnSignals: [{ driver: 'unheard-voice', phrase: 'problem from yesterday is back' }],
    language: 'en',
    confidence: 0.8,
    ...(languages.length > 1
      ? {
          translations: languages.map((language) => ({
            language,
            summary: `(${language}) The customer reports a recurring problem.`,
            priorityReason: `(${language}) Recurring problem.`,
          })),
        }
      : {}),
  };
}

function dropTranslations(analysis: Analysis): Analysis {
  const { translations: _dropped, ...rest } = analysis;
  return rest;
}
