import { formatBusinessMinutes, formatLocalTime } from '../../core/pipeline/compose-sla-note.ts';
import { listSlaClocks, type SlaClockRow } from '../../core/pipeline/list-sla-clocks.ts';
import { type Clock, systemClock } from '../../core/ports.ts';
import { createSlaStore } from '../../storage/sla-store.ts';
import { type CliCommand, type CliIo, UsageError } from '../cli-command.ts';
import { loadConfigOrExplain } from '../load-config-or-explain.ts';
import { openStorageOrExplain, runsBesideStart } from '../open-storage-or-explain.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

/** `verbatim sla`: open requests with their SLA clocks. `clock` is replaceable for tests. */
export function createSlaCommand(options: { clock?: Clock } = {}): CliCommand {
  const clock = options.clock ?? systemClock;
  return {
    name: 'sla',
    summary: 'list open requests with their SLA clocks: due, warned, breached, escalated',
    usage: 'verbatim sla [--team ID] [--json]',
    async run(args, io) {
      const { teamId, json } = parseArgs(args);
      const config = loadConfigOrExplain(io);
      if (!config) return 1;
      if (teamId !== undefined && !config.directory.teams.some((team) => team.id === teamId)) {
        const known = config.directory.teams.map((team) => team.id).join(', ');
        io.stderr.write(`✗ unknown team "${teamId}"; known teams: ${known}\n`);
        return 1;
      }
      const storage = await openStorageOrExplain(config, io, runsBesideStart('sla'));
      if (!storage) return 1;
      try {
        const now = clock.now();
        const rows = await listSlaClocks(
          { sla: createSlaStore(storage.db), directory: config.directory, settings: config.file },
          { now, ...(teamId === undefined ? {} : { teamId }) },
        );
        if (json) io.stdout.write(`${JSON.stringify({ now, requests: rows }, null, 2)}\n`);
        else printTable(io, rows, now, config.file.calendar.timezone);
        return 0;
      } finally {
        await storage.close();
      }
    },
  };
}

export const slaCommand = createSlaCommand();

function parseArgs(args: string[]): { teamId?: string; json: boolean } {
  const { values } = parseCommandArgs(args, { team: { type: 'string' }, json: { type: 'boolean' } });
  if (values.team !== undefined && (values.team === '' || values.team.startsWith('-'))) {
    throw new UsageError('--team needs a team id');
  }
  return { ...(values.team === undefined ? {} : { teamId: values.team }), json: values.json === true };
}

const CLOCK_LABEL: Record<SlaClockRow['clock'], string> = {
  ok: 'running',
  warned: 'warned',
  breached: 'BREACHED',
  escalated: 'ESCALATED',
  stopped: 'answered',
};

function printTable(io: CliIo, rows: SlaClockRow[], now: Date, timezone: string): void {
  io.stdout.write(`Open requests with SLA clocks at ${formatLocalTime(now, timezone)} (${timezone})\n`);
  if (rows.length === 0) {
    io.stdout.write('No open triaged requests.\n');
    return;
  }
  const table = [
    ['REQUEST', 'PRI', 'TEAM', 'ACCOUNT', 'STATE', 'CLOCK', 'ELAPSED/TARGET', 'DUE', 'NUDGES SENT'],
    ...rows.map((row) => [
      row.posted ? row.requestId : `${row.requestId}*`,
      row.priority,
      row.teamId,
      row.account ?? '(unknown)',
      row.state === 'snoozed' && row.snoozedUntil
        ? `snoozed until ${formatLocalTime(row.snoozedUntil, row.timezone)}`
        : row.claimedBy
          ? `${row.state} (${row.claimedBy})`
          : row.state,
      CLOCK_LABEL[row.clock],
      `${formatBusinessMinutes(row.elapsedBusinessMinutes)}/${formatBusinessMinutes(row.targetMinutes)}${row.allHours ? ' 24/7' : ''}`,
      formatLocalTime(row.dueAt, row.timezone),
      describeNudges(row),
    ]),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  for (const line of table) {
    io.stdout.write(
      `${line
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd()}\n`,
    );
  }
  const breached = rows.filter((row) => row.clock === 'breached' || row.clock === 'escalated').length;
  io.stdout.write(`${rows.length} open, ${breached} past their first-response target.\n`);
  const unposted = rows.filter((row) => !row.posted).length;
  if (unposted > 0) {
    io.stdout.write(
      `${unposted} of them were stored without being posted (replay --no-post, or no platform configured): their clocks start at the customer's first message (marked *).\n`,
    );
  }
}

function describeNudges(row: SlaClockRow): string {
  const sent = row.nudges.filter((nudge) => nudge.abandoned === null);
  if (sent.length === 0) return '-';
  return sent
    .map((nudge) => {
      const name = nudge.kind === 'repeat' ? `repeat ${nudge.seq}` : nudge.kind;
      const flags = [nudge.sentAt === null ? 'in flight' : null, nudge.late ? 'late' : null].filter(Boolean);
      return flags.length > 0 ? `${name} (${flags.join(', ')})` : name;
    })
    .join(', ');
}
