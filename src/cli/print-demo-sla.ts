import type { Verbatim } from '../compose-verbatim.ts';
import type { ConfigFile } from '../config/config-file-schema.ts';
import { teamCalendar } from '../core/pipeline/create-team-clocks.ts';
import { type SimulatedNudge, simulateSla } from '../core/pipeline/simulate-sla.ts';

/**
 * The nudges and escalations the example history would have produced had Verbatim been running
 * all along (routed as the first message arrived), from the stored requests and first responses.
 */
export async function printDemoSla(
  out: NodeJS.WritableStream,
  verbatim: Pick<Verbatim, 'storage' | 'directory'>,
  input: { file: ConfigFile; now: Date; examples?: number },
): Promise<void> {
  const { rows } = await verbatim.storage.db.query<{
    id: string;
    team_id: string;
    priority: 'P1' | 'P2' | 'P3' | 'P4';
    account_id: string | null;
    opened_at: Date;
    first_response_at: Date | null;
    resolved_at: Date | null;
  }>(
    'SELECT id, team_id, priority, account_id, opened_at, first_response_at, resolved_at FROM requests ORDER BY opened_at',
  );
  const counts: Record<SimulatedNudge['kind'], number> = { warning: 0, breach: 0, repeat: 0, escalation: 0 };
  const escalated: string[] = [];
  for (const row of rows) {
    const team = verbatim.directory.teams.find((candidate) => candidate.id === row.team_id);
    if (!team) continue;
    const account = verbatim.directory.accounts.find((candidate) => candidate.id === row.account_id);
    const nudges = simulateSla({
      requestId: row.id,
      routedAt: new Date(row.opened_at),
      priority: row.priority,
      tier: account?.tier ?? null,
      firstResponseAt: row.first_response_at ? new Date(row.first_response_at) : null,
      resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
      calendar: teamCalendar(input.file, team),
      policy: input.file.sla,
      until: input.now,
    });
    for (const nudge of nudges) counts[nudge.kind] += 1;
    const escalation = nudges.find((nudge) => nudge.kind === 'escalation');
    if (escalation) {
      escalated.push(
        `    ${row.priority} ${account?.name ?? 'unmapped'} → ${team.name}: ${escalation.summary}`,
      );
    }
  }
  const lines = [
    '',
    'SLA: what this history would have produced (business-hours clocks, stopped by the first staff reply)',
    `  warnings ${counts.warning} · breaches ${counts.breach} · repeat nudges ${counts.repeat} · escalations ${counts.escalation}`,
    ...(escalated.length > 0
      ? ['  escalations (first ones):', ...escalated.slice(0, input.examples ?? 8)]
      : []),
  ];
  out.write(`${lines.join('\n')}\n`);
}
