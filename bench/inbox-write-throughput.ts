import { createInboxStore } from '../src/storage/inbox-store.ts';
import { openStorage } from '../src/storage/open-storage.ts';
import { benchBackends, formatRate } from './bench-storage.ts';

/**
 * Inbox writes (group-committed multi-row INSERT … ON CONFLICT DO NOTHING, each caller awaiting
 * its own row's commit) against raw single-row INSERTs of the same payload into the same
 * database, in the same run, both from `callers` concurrent callers — as concurrent HTTP
 * requests from Slack would write them. Raw sequential INSERTs are shown too.
 */
export async function benchInboxWrites(
  count = Number(process.env.BENCH_MESSAGES ?? 2000),
  callers = 64,
): Promise<Array<Record<string, string | number>>> {
  const results: Array<Record<string, string | number>> = [];
  for (const backend of benchBackends()) {
    await backend.prepare();
    const storage = await openStorage({
      databaseUrl: backend.env['DATABASE_URL'],
      dataDir: backend.env['VERBATIM_DATA_DIR'] ?? null,
    });
    try {
      await storage.db.exec(
        'CREATE TABLE bench_raw_inbox (id bigserial PRIMARY KEY, source text NOT NULL, platform_id text NOT NULL, payload jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())',
      );
      const inbox = createInboxStore(storage.db);
      const raw = (i: number, run: string) =>
        storage.db.query('INSERT INTO bench_raw_inbox (source, platform_id, payload) VALUES ($1, $2, $3)', [
          'slack',
          `${run}:${i}`,
          JSON.stringify(event(i)),
        ]);
      for (let i = 0; i < 20; i++) {
        await raw(i, 'warm');
        await inbox.append({ source: 'slack', platformId: `warm:${i}`, payload: event(i) });
      }
      const concurrently = async (work: (i: number) => Promise<unknown>) => {
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: callers }, async () => {
            for (let i = next++; i < count; i = next++) await work(i);
          }),
        );
        return performance.now() - started;
      };
      const sequentialStart = performance.now();
      for (let i = 0; i < count; i++) await raw(i, 'seq');
      const sequentialMs = performance.now() - sequentialStart;
      const rawMs = await concurrently((i) => raw(i, 'conc'));
      const inboxMs = await concurrently((i) =>
        inbox.append({ source: 'slack', platformId: `event:Ev${i}`, payload: event(i) }),
      );
      results.push({
        backend: backend.name,
        events: count,
        callers,
        'raw INSERT, sequential': formatRate(count, sequentialMs),
        'raw INSERT, concurrent': formatRate(count, rawMs),
        'inbox write, concurrent': formatRate(count, inboxMs),
        'inbox / raw concurrent': (rawMs / inboxMs).toFixed(2),
        'inbox / raw sequential': (sequentialMs / inboxMs).toFixed(2),
      });
    } finally {
      await storage.close();
      await backend.cleanup();
    }
  }
  return results;
}

/** A Slack Events API message envelope of typical size. */
function event(i: number) {
  const ts = `${1_790_000_000 + i}.000100`;
  return {
    token: 'legacy-token',
    team_id: 'T0VERBATIM',
    api_app_id: 'A0FAKEAPP',
    type: 'event_callback',
    event_id: `Ev${i}`,
    event_time: 1_790_000_000 + i,
    is_ext_shared_channel: true,
    authorizations: [{ team_id: 'T0VERBATIM', user_id: 'U0VERBATIMBOT', is_bot: true }],
    event: {
      type: 'message',
      channel: 'C1ACME',
      user: 'U0CUST001',
      team: 'T0CUSTOMER',
      text: `The CSV export fails again (${i}); we need it for the monthly close. Could someone look today?`,
      ts,
      event_ts: ts,
      channel_type: 'channel',
    },
  };
}
