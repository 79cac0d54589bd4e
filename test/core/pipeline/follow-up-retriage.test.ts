import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerMessageInput } from '../../../src/core/customer-message.ts';
import { createTeamClocks } from '../../../src/core/pipeline/create-team-clocks.ts';
import { deliverRequest } from '../../../src/core/pipeline/deliver-request.ts';
import { ingestMessage } from '../../../src/core/pipeline/ingest-message.ts';
import type { DeliveryDeps, PipelineDeps } from '../../../src/core/pipeline/pipeline-deps.ts';
import { requestSlaClock } from '../../../src/core/pipeline/request-sla-clock.ts';
import type { JobRequest } from '../../../src/core/pipeline/request-store.ts';
import { triageRequest } from '../../../src/core/pipeline/triage-request.ts';
import type { Analyzer, Notifier } from '../../../src/core/ports.ts';
import { slaTargetMinutes } from '../../../src/core/sla-schedule.ts';
import type { Storage } from '../../../src/storage/open-storage.ts';
import { createRequestStore } from '../../../src/storage/request-store.ts';
import { createRecordingNotifier } from '../../support/recording-notifier.ts';
import { backends } from '../../support/scratch-database.ts';
import { createScriptedAnalyzer } from '../../support/scripted-analyzer.ts';
import { testConfig } from '../../support/test-config.ts';
import { openTestStorage } from '../../support/test-storage.ts';

const BASE = new Date('2026-11-23T08:00:00Z');
let channelSeq = 0;

/** Findings 4 and 5 of issue 13: follow-ups and mid-triage joins are (re-)triaged and shown. */
describe.each(backends)('follow-ups and mid-triage joins on %s', (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openTestStorage(backend);
  });
  afterAll(async () => {
    await storage.close();
  });

  /** The real pipeline on a real store; jobs are collected and run by `drain`, in order. */
  function world(options: { analyzer?: Analyzer; notifier?: Notifier } = {}) {
    const config = testConfig();
    const jobs: JobRequest[] = [];
    const store = createRequestStore(storage.db, async (_tx, job) => {
      jobs.push(job);
    });
    const recorder = createRecordingNotifier();
    const pipeline: PipelineDeps = {
      store,
      directory: config.directory,
      clock: { now: () => BASE },
      settings: { groupingWindowMinutes: 5, triageDelaySeconds: 0, noisePatterns: [], renewalWindowDays: 90 },
    };
    const analyzer = options.analyzer ?? createScriptedAnalyzer({ priority: 'P4', topics: ['bug'] });
    const delivery: DeliveryDeps = { ...pipeline, notifiers: [options.notifier ?? recorder] };
    channelSeq += 1;
    const channel = `C1FOLLOW${process.pid}X${channelSeq}`;
    let messageSeq = 0;
    return {
      config,
      jobs,
      store,
      recorder,
      pipeline,
      triage: { ...pipeline, analyzer },
      delivery,
      message(text: string, reply = false): CustomerMessageInput {
        messageSeq += 1;
        const ts = `${Math.floor(BASE.getTime() / 1000) + messageSeq}.000000`;
        return {
          id: `slack:${channel}:${ts}`,
          platform: 'slack',
          conversation: `slack:${channel}`,
          thread: reply
            ? `slack:${channel}:${Math.floor(BASE.getTime() / 1000) + 1}.000000`
            : `slack:${channel}:${ts}`,
          isReply: reply,
          accountId: 'acme',
          author: { id: 'UCUST', name: 'Ann Customer', external: true },
          text,
          sentAt: new Date(BASE.getTime() + messageSeq * 1000),
        };
      },
      async drain() {
        const outcomes: unknown[] = [];
        while (jobs.length > 0) {
          const job = jobs.shift() as JobRequest;
          outcomes.push(
            job.queue === 'triage'
              ? await triageRequest({ ...pipeline, analyzer }, job.data.requestId)
              : await deliverRequest(this.delivery, job.data),
          );
        }
        return outcomes;
      },
    };
  }

  it('re-triages a follow-up on a routed request: priority rises, the post is updated, the rise noted and escalated, the SLA target moves', async () => {
    const w = world();
    const first = await ingestMessage(w.pipeline, w.message('The colour of the export button is a bit off.'));
    if (first.status !== 'accepted') throw new Error(first.status);
    await w.drain();
    const routed = await w.store.getRequest(first.requestId);
    expect(routed?.priority).toBe('P4');
    expect(routed?.routedAt).not.toBeNull();

    const followUp = await ingestMessage(
      w.pipeline,
      w.message('Update: production is completely down now.', true),
    );
    expect(followUp.status).toBe('follow-up');
    await w.drain();

    const raised = await w.store.getRequest(first.requestId);
    expect(raised?.priority).toBe('P1');
    expect(raised?.teamId).toBe(routed?.teamId);
    const rootPosts = w.recorder.posts.filter((post) => post.kind === 'routed-post');
    expect(rootPosts).toHaveLength(1);
    const update = w.recorder.posts.filter((post) => post.kind === 'update').at(-1);
    expect(update?.view?.priority).toBe('P1');
    expect(update?.view?.messages.map((message) => message.text)).toContain(
      'Update: production is completely down now.',
    );
    const notes = w.recorder.posts.filter((post) => post.kind === 'note');
    expect(notes.map((note) => note.note?.kind)).toEqual(
      expect.arrayContaining(['follow-up', 'notice', 'escalation']),
    );
    expect(notes.find((note) => note.note?.kind === 'notice')?.note?.text).toMatch(/raised from P4 to P1/);
    const escalation = notes.find((note) => note.note?.kind === 'escalation');
    expect(escalation?.target).toEqual({ platform: 'slack', channel: 'C0ESCALATE' });

    const settings = w.config.file;
    const clock = requestSlaClock(
      { directory: w.config.directory, settings, clocks: createTeamClocks(settings) },
      raised!,
    );
    expect(clock?.targetMinutes).toBe(slaTargetMinutes(settings.sla, 'P1', 'enterprise'));
    expect(clock?.routedAt).toEqual(routed?.routedAt);

    // Priority only rises: a calm follow-up leaves it at P1 and posts no second rise.
    await ingestMessage(
      w.pipeline,
      w.message('We have restarted the export job, it is slowly coming back.', true),
    );
    await w.drain();
    expect((await w.store.getRequest(first.requestId))?.priority).toBe('P1');
    expect(w.recorder.posts.filter((post) => post.note?.kind === 'notice')).toHaveLength(1);
    expect(w.recorder.posts.filter((post) => post.note?.kind === 'escalation')).toHaveLength(1);
  });

  it('analyses a message that joined while triage ran, with one more triage', async () => {
    let joinDuringAnalysis: (() => Promise<unknown>) | null = null;
    const analyzer = createScriptedAnalyzer((input) => ({
      priority: input.text.includes('security breach') ? 'P1' : 'P3',
    }));
    const joining: Analyzer = {
      name: 'joining',
      async analyze(input) {
        const join = joinDuringAnalysis;
        joinDuringAnalysis = null;
        if (join) await join();
        return analyzer.analyze(input);
      },
    };
    const w = world({ analyzer: joining });
    const first = await ingestMessage(w.pipeline, w.message('The export is slow today.'));
    if (first.status !== 'accepted') throw new Error(first.status);
    joinDuringAnalysis = () =>
      ingestMessage(w.pipeline, w.message('Also we suspect a security breach in the API keys.'));
    w.jobs.length = 0;
    const outcome = await triageRequest(w.triage, first.requestId);
    expect(outcome).toMatchObject({ status: 'triaged', retriageScheduled: true });
    expect(w.jobs.filter((job) => job.queue === 'triage')).toHaveLength(1);
    await w.drain();

    const request = await w.store.getRequest(first.requestId);
    expect(request?.priority).toBe('P1');
    expect(analyzer.inputs.at(-1)?.text).toContain('security breach');
    const shown = w.recorder.posts.filter((post) => post.view).at(-1)?.view;
    expect(shown?.messages.map((message) => message.text)).toContain(
      'Also we suspect a security breach in the API keys.',
    );
  });

  it('shows a message that joined between rendering the post and recording it routed', async () => {
    const recorder = createRecordingNotifier();
    let joinDuringPost: (() => Promise<unknown>) | null = null;
    const notifier: Notifier = {
      ...recorder,
      async postRoutedPost(destination, view, key) {
        const ref = await recorder.postRoutedPost(destination, view, key);
        const join = joinDuringPost;
        joinDuringPost = null;
        if (join) await join();
        return ref;
      },
    };
    const w = world({ notifier });
    const first = await ingestMessage(w.pipeline, w.message('Invoices cannot be downloaded.'));
    if (first.status !== 'accepted') throw new Error(first.status);
    joinDuringPost = () => ingestMessage(w.pipeline, w.message('It also fails for the March invoice.'));
    await w.drain();

    const posted = recorder.posts.find((post) => post.kind === 'routed-post');
    expect(posted?.view?.messages.map((message) => message.text)).toEqual(['Invoices cannot be downloaded.']);
    const latest = recorder.posts.filter((post) => post.kind === 'update').at(-1);
    expect(latest?.view?.messages.map((message) => message.text)).toEqual([
      'Invoices cannot be downloaded.',
      'It also fails for the March invoice.',
    ]);
  });
});
