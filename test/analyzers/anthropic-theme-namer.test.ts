import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalyzerFailure } from '../../src/analyzers/analyzer-failure.ts';
import { createAnthropicThemeNamer } from '../../src/analyzers/anthropic-theme-namer.ts';
import { createAnthropicClient } from '../../src/analyzers/create-anthropic-client.ts';
import type { ThemeToName } from '../../src/core/digest/theme-namer.ts';
import { type FakeAnthropic, startFakeAnthropic } from '../fakes/anthropic-api.ts';
import { memoryLogger } from './analyzer-test-kit.ts';

const MODEL = 'claude-haiku-5-5';
const ADDRESS = 'maija.virtanen@pohjola.example';
const themes: ThemeToName[] = [
  {
    id: 'theme-1',
    keyPhrases: ['crashes', 'mobile', 'photo', 'upload'],
    samples: [
      `Mobile app crashes when uploading photos, write to ${ADDRESS}`,
      'The mobile app crashes on photo upload',
    ],
  },
  { id: 'theme-2', keyPhrases: ['csv', 'encoding'], samples: ['CSV export breaks ä and ö'] },
];
const goodAnswer = {
  themes: [
    { id: 'theme-1', name: 'Mobile photo upload crashes' },
    { id: 'theme-2', name: 'CSV export character encoding' },
  ],
};

describe('createAnthropicThemeNamer', () => {
  let fake: FakeAnthropic;
  let log: ReturnType<typeof memoryLogger>;

  beforeEach(async () => {
    fake = await startFakeAnthropic({ apiKey: 'sk-test' });
    log = memoryLogger();
  });
  afterEach(() => fake.close());

  function namer(options: { redactPersonalData?: boolean; maxRetries?: number } = {}) {
    return createAnthropicThemeNamer({
      client: createAnthropicClient({
        apiKey: 'sk-test',
        baseURL: fake.baseURL,
        timeoutMs: 2_000,
        maxRetries: options.maxRetries ?? 0,
      }),
      model: MODEL,
      logger: log.logger,
      redactPersonalData: options.redactPersonalData ?? true,
      timeoutMs: 2_000,
      pollIntervalMs: 20,
    });
  }

  describe('at once (Messages API)', () => {
    it('names each cluster in one call with structured output, ids narrowed to the clusters', async () => {
      fake.respondWith(goodAnswer);

      const names = await namer().name(themes, 'en');

      expect(names).toEqual({
        'theme-1': 'Mobile photo upload crashes',
        'theme-2': 'CSV export character encoding',
      });
      expect(fake.messageRequests()).toHaveLength(1);
      const body = fake.lastRequest().body!;
      expect(body['model']).toBe(MODEL);
      expect(body).not.toHaveProperty('temperature');
      const schema = JSON.stringify((body['output_config'] as { format: { schema: unknown } }).format.schema);
      expect(schema).toContain('"theme-1"');
      expect(schema).toContain('"theme-2"');
      const userTurn = (body['messages'] as Array<{ content: string }>)[0]!.content;
      expect(userTurn).toContain('<cluster id="theme-1">');
      expect(userTurn).toContain('crashes, mobile, photo, upload');
      expect(userTurn).toContain('The mobile app crashes on photo upload');
    });

    it('redacts an email address in a sample text before it leaves, like triage', async () => {
      fake.respondWith(goodAnswer);
      await namer().name(themes, 'en');
      const sent = fake.lastRequest().rawBody;
      expect(sent).not.toContain(ADDRESS);
      expect(sent).not.toContain('@pohjola');
      expect(sent).toContain('[email]');
    });

    it('asks for names in the digest language', async () => {
      fake.respondWith(goodAnswer);
      await namer().name(themes, 'fi');
      const userTurn = (fake.lastRequest().body!['messages'] as Array<{ content: string }>)[0]!.content;
      expect(userTurn).toMatch(/^Name these 2 clusters in Finnish\./);
    });

    it('leaves a theme unnamed when its name is too long, missing, duplicated or empty', async () => {
      const tooLong = 'A'.repeat(61);
      fake.respondWith({ themes: [{ id: 'theme-1', name: tooLong }] });
      expect(await namer().name(themes, 'en')).toEqual({ 'theme-1': null, 'theme-2': null });

      fake.respondWith({
        themes: [
          { id: 'theme-1', name: 'One' },
          { id: 'theme-1', name: 'Two' },
          { id: 'theme-2', name: '   ' },
          { id: 'theme-9', name: 'Not asked' },
        ],
      });
      expect(await namer().name(themes, 'en')).toEqual({ 'theme-1': null, 'theme-2': null });
    });

    it('strips quotation marks the model put around a name: it is not a customer quote', async () => {
      fake.respondWith({ themes: [{ id: 'theme-1', name: '“Mobile photo upload crashes”' }] });
      expect((await namer().name(themes, 'en'))['theme-1']).toBe('Mobile photo upload crashes');
    });

    it('refuses an answer that is not JSON or not of the schema, without quoting it', async () => {
      fake.respondWithText('Here are the names: crash stuff');
      const notJson = await namer()
        .name(themes, 'en')
        .catch((error: unknown) => error);
      expect(notJson).toBeInstanceOf(AnalyzerFailure);
      expect(notJson).toMatchObject({ reason: 'invalid-output' });

      fake.respondWith({ names: ['Mobile photo upload crashes'] });
      const wrongShape = await namer()
        .name(themes, 'en')
        .catch((error: unknown) => error);
      expect(wrongShape).toMatchObject({ reason: 'invalid-output' });
      expect(log.text()).not.toContain('crash stuff');
    });

    it('fails with the API error after the client’s retries (500)', async () => {
      fake.serverError().serverError();
      const error = await namer({ maxRetries: 1 })
        .name(themes, 'en')
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ reason: 'server-error' });
      expect(fake.messageRequests()).toHaveLength(2);
      expect(log.text()).toContain('anthropic theme naming failed');
    });
  });

  describe('ahead of time (Message Batches API)', () => {
    it('submits one naming request as a batch and collects its names once it has ended', async () => {
      const themeNamer = namer();
      const batch = await themeNamer.submit!(themes, 'en');

      expect(batch.batchId).toMatch(/^msgbatch_/);
      expect(fake.batchRequests()).toHaveLength(1);
      expect(fake.messageRequests()).toHaveLength(0);
      const [request] = fake.batches[0]!.requests;
      expect(request!.custom_id).toBe('digest-themes');
      expect(request!.params).toMatchObject({ model: MODEL });
      expect(fake.batchRequests()[0]!.rawBody).not.toContain(ADDRESS);
      expect(fake.batchRequests()[0]!.rawBody).toContain('[email]');

      fake.respondWith(goodAnswer);
      const result = await themeNamer.collect!(batch.batchId, {
        waitMs: 2_000,
        themeIds: ['theme-1', 'theme-2'],
      });
      expect(result).toEqual({
        status: 'ended',
        names: { 'theme-1': 'Mobile photo upload crashes', 'theme-2': 'CSV export character encoding' },
      });
      // The first look saw it running; the namer polled until it ended, then read the results.
      expect(fake.batches[0]!.retrieves).toBeGreaterThanOrEqual(2);
      expect(
        log.records().find((record) => record['msg'] === 'anthropic theme naming answered'),
      ).toMatchObject({
        batch: true,
      });
    });

    it('answers pending when the batch has not ended by the deadline, and logs it', async () => {
      fake.batchPollsBeforeEnd(Number.POSITIVE_INFINITY);
      const themeNamer = namer();
      const batch = await themeNamer.submit!(themes, 'en');

      const started = performance.now();
      const result = await themeNamer.collect!(batch.batchId, { waitMs: 150, themeIds: ['theme-1'] });

      expect(result).toEqual({ status: 'pending' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      expect(log.text()).toContain('has not ended by the deadline');
    });

    it('looks once when there is no time to wait', async () => {
      fake.batchPollsBeforeEnd(1);
      const themeNamer = namer();
      const batch = await themeNamer.submit!(themes, 'en');
      expect(await themeNamer.collect!(batch.batchId, { waitMs: 0, themeIds: ['theme-1'] })).toEqual({
        status: 'pending',
      });
      expect(fake.batches[0]!.retrieves).toBe(1);
    });

    it('ends with no names when the request errored or the answer is invalid', async () => {
      const themeNamer = namer();
      fake.serverError();
      const errored = await themeNamer.submit!(themes, 'en');
      expect(await themeNamer.collect!(errored.batchId, { waitMs: 1_000, themeIds: ['theme-1'] })).toEqual({
        status: 'ended',
        names: {},
      });
      expect(log.text()).toContain('ended without an answer');

      fake.respondWithText('not json');
      const invalid = await themeNamer.submit!(themes, 'en');
      expect(await themeNamer.collect!(invalid.batchId, { waitMs: 1_000, themeIds: ['theme-1'] })).toEqual({
        status: 'ended',
        names: {},
      });
    });

    it('throws when the batch cannot be submitted or read', async () => {
      fake.failNextBatchCall(500, 'api_error', 'Internal server error');
      await expect(namer().submit!(themes, 'en')).rejects.toMatchObject({ reason: 'server-error' });
      await expect(
        namer().collect!('msgbatch_unknown', { waitMs: 0, themeIds: ['theme-1'] }),
      ).rejects.toMatchObject({ reason: 'bad-request' });
    });
  });
});
