import type { Verbatim } from '../compose-verbatim.ts';
import type { ReplayStats } from '../replay/replay-history.ts';

/** The closing summary of `verbatim demo`, read from the store the replay filled. */
export async function printDemoSummary(
  out: NodeJS.WritableStream,
  verbatim: Pick<Verbatim, 'storage' | 'directory'>,
  input: { replay: ReplayStats; messages: number; seconds: number; now: Date },
): Promise<void> {
  const db = verbatim.storage.db;
  const count = async (sql: string) => Number((await db.query<{ n: number }>(sql)).rows[0]?.n ?? 0);
  const grouped = async (sql: string) =>
    (await db.query<{ key: string; n: number }>(sql)).rows.map((row) => `${row.key} ${row.n}`).join(' · ') ||
    'none';
  const teamName = new Map(verbatim.directory.teams.map((team) => [team.id, team.name]));
  const { outcomes } = input.replay;
  const lines = [
    '',
    'Summary',
    `  messages replayed: ${input.messages} (customer ${outcomes.accepted + outcomes['follow-up']} · staff replies ${outcomes['staff-reply']} · greetings and thanks ${outcomes.noise} · already stored ${outcomes.duplicate})`,
    `  requests: ${await count('SELECT count(*)::int AS n FROM requests')} · routed ${await count('SELECT count(*)::int AS n FROM requests WHERE routed_at IS NOT NULL')} · unmapped accounts ${await count('SELECT count(*)::int AS n FROM requests WHERE account_id IS NULL')}`,
    `  by team: ${(
      await db.query<{ key: string; n: number }>(
        'SELECT team_id AS key, count(*)::int AS n FROM requests GROUP BY team_id ORDER BY n DESC, key',
      )
    ).rows
      .map((row) => `${teamName.get(row.key) ?? row.key} ${row.n}`)
      .join(' · ')}`,
    `  by priority: ${await grouped('SELECT priority AS key, count(*)::int AS n FROM requests GROUP BY priority ORDER BY priority')}`,
    `  engines: ${await grouped("SELECT analysis->>'engine' AS key, count(*)::int AS n FROM requests GROUP BY 1 ORDER BY n DESC")}`,
    `  priority floor rules fired: ${await grouped("SELECT hit->>'rule' AS key, count(*)::int AS n FROM requests, jsonb_array_elements(floor) AS hit GROUP BY 1 ORDER BY n DESC, key")}`,
    `  churn signals: ${await grouped("SELECT signal->>'driver' AS key, count(*)::int AS n FROM requests, jsonb_array_elements(analysis->'churnSignals') AS signal GROUP BY 1 ORDER BY n DESC, key")}`,
    `  answered by staff in the thread: ${await count('SELECT count(*)::int AS n FROM requests WHERE first_response_at IS NOT NULL')}`,
    `  contacts who left shared channels: ${await grouped("SELECT coalesce(account_id, conversation) || ' (' || (actor->>'name') || ', ' || to_char(at, 'YYYY-MM-DD') || ')' AS key, count(*)::int AS n FROM account_events WHERE kind = 'member-left' GROUP BY 1")}`,
    `  finished in ${input.seconds.toFixed(1)} s`,
    '',
  ];
  out.write(lines.join('\n'));
}
