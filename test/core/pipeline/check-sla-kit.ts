import { TZDate } from '@date-fns/tz';
import type { AppConfig } from '../../../src/config/load-config.ts';
import type { CustomerMessageInput } from '../../../src/core/customer-message.ts';
import { type CheckSlaDeps, checkSla } from '../../../src/core/pipeline/check-sla.ts';
import { createTeamClocks } from '../../../src/core/pipeline/create-team-clocks.ts';
import { deliverRequest } from '../../../src/core/pipeline/deliver-request.ts';
import { ingestMessage } from '../../../src/core/pipeline/ingest-message.ts';
import type { DeliveryDeps } from '../../../src/core/pipeline/pipeline-deps.ts';
import type { JobRequest } from '../../../src/core/pipeline/request-store.ts';
import { triageRequest } from '../../../src/core/pipeline/triage-request.ts';
import type { Notifier } from '../../../src/core/ports.ts';
import type { Priority } from '../../../src/core/priority.ts';
import type { Database } from '../../../src/storage/database.ts';
import { createRequestStore } from '../../../src/storage/request-store.ts';
import { createSlaStore } from '../../../src/storage/sla-store.ts';
import { createRecordingNotifier } from '../../support/recording-notifier.ts';
import { createScriptedAnalyzer } from '../../support/scripted-analyzer.ts';
import { TEST_CONFIG_YAML, testConfig } from '../../support/test-config.ts';

/**
 * The test organisation (Helsinki, Mon–Fri 08:00–16:00; default SLA policy: P2 target 120
 * business minutes, warning at 75 %, two repeats, escalation after a further 100 %; P1 round the
 * clock) with an on-call group for billing too, so reassigned requests have someone to nudge.
 */
export const SLA_CONFIG_YAML = TEST_CONFIG_YAML.replace(
  '    topics: [billing]\n',
  '    topics: [billing]\n    onCall: S0BILLING\n',
);

export const slaConfig = (): AppConfig => testConfig({ yaml: SLA_CONFIG_YAML });

/** The instant a Helsinki wall clock reads `YYYY-MM-DD HH:MM`. */
export function hel(wall: string): Date {
  const [y, mo, d, h, mi] = wall.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, 'Europe/Helsinki').getTime());
}

let conversationSeq = 0;

/**
 * A world in which requests are ingested, triaged and routed by the real pipeline on a real
 * store, with a fixed clock the test moves, and SLA ticks run by hand.
 */
export function createSlaWorld(db: Database, options: { config?: AppConfig; notifier?: Notifier } = {}) {
  const config = options.config ?? slaConfig();
  const jobs: JobRequest[] = [];
  let now = hel('2026-11-23 08:00');
  const clock = { now: () => now };
  const requests = createRequestStore(db, async (_tx, job) => {
    jobs.push(job);
  });
  const notifier = createRecordingNotifier();
  const notifiers = [options.notifier ?? notifier];
  const pipeline = {
    store: requests,
    directory: config.directory,
    clock,
    settings: { groupingWindowMinutes: 5, triageDelaySeconds: 0, noisePatterns: [], renewalWindowDays: 90 },
  };
  const delivery: DeliveryDeps = { ...pipeline, notifiers };
  const sla: CheckSlaDeps = {
    requests,
    sla: createSlaStore(db),
    directory: config.directory,
    clock,
    notifiers,
    settings: config.file,
    clocks: createTeamClocks(config.file),
  };

  return {
    config,
    jobs,
    notifier,
    pipeline,
    delivery,
    sla,
    get now() {
      return now;
    },
    setNow(at: Date) {
      now = at;
    },
    /** Ingests a customer message at `at`, triages it as `priority` and routes it (its SLA clock starts at `at`). */
    async route(
      at: Date,
      priority: Priority,
      text = 'The CSV export fails with an error since this morning.',
    ) {
      now = at;
      const message = customerMessage(at, text);
      const outcome = await ingestMessage(pipeline, message);
      if (outcome.status !== 'accepted') throw new Error(`not accepted: ${outcome.status}`);
      await triageRequest(
        { ...pipeline, analyzer: createScriptedAnalyzer({ priority, topics: ['bug'] }) },
        outcome.requestId,
      );
      await deliverRequest(delivery, { requestId: outcome.requestId, kind: 'post' });
      return { requestId: outcome.requestId, message };
    },
    /** Runs one SLA tick at `at`. */
    async tick(at: Date) {
      now = at;
      return checkSla(sla);
    },
    /** Runs a tick every `stepMinutes` from `from` to `to` inclusive. */
    async tickEvery(stepMinutes: number, from: Date, to: Date) {
      for (let at = from.getTime(); at <= to.getTime(); at += stepMinutes * 60_000) {
        now = new Date(at);
        await checkSla(sla);
      }
    },
    /** SLA notes posted so far (routed posts, updates and the P1 routing alert left out). */
    slaNotes() {
      return notifier.posts.filter((post) => post.kind === 'note' && post.deliveryKey?.startsWith('sla:'));
    },
  };
}

function customerMessage(at: Date, text: string): CustomerMessageInput {
  conversationSeq += 1;
  const channel = `C1SLA${process.pid}X${conversationSeq}`;
  const ts = `${Math.floor(at.getTime() / 1000)}.${String(conversationSeq).padStart(6, '0')}`;
  return {
    id: `slack:${channel}:${ts}`,
    platform: 'slack',
    conversation: `slack:${channel}`,
    thread: `slack:${channel}:${ts}`,
    isReply: false,
    accountId: 'acme',
    author: { id: 'UCUST', name: 'Ann Customer', external: true },
    text,
    sentAt: at,
  };
}

/** A staff reply in the customer's thread, as the Slack adapter would map it. */
export function staffReply(
  message: CustomerMessageInput,
  at: Date,
  text = 'Looking into it now.',
): CustomerMessageInput {
  return {
    ...message,
    id: `${message.id}-staff-${at.getTime()}`,
    author: { id: 'USTAFF', name: 'Sam Support', external: false },
    text,
    isReply: true,
    sentAt: at,
  };
}
