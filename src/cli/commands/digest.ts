import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TokenProvider } from '@microsoft/teams.api';
import pino from 'pino';
import { createThemeNamer, logThemeNamingFallback } from '../../analyzers/create-theme-namer.ts';
import { renderDigestChart } from '../../chart/render-digest-chart.ts';
import { createConsoleDigestPublisher } from '../../console/console-digest-publisher.ts';
import { renderDigestText } from '../../console/render-digest-text.ts';
import { prepareDigest } from '../../core/digest/build-digest.ts';
import type { DigestPublisher } from '../../core/digest/digest-publisher.ts';
import {
  formatIsoWeek,
  type IsoWeek,
  lastCompleteWeek,
  parseIsoWeek,
  shiftWeek,
  weekStart,
} from '../../core/digest/iso-week.ts';
import { publishDigest } from '../../core/digest/publish-digest.ts';
import { describeDestination } from '../../core/directory.ts';
import { type Clock, systemClock } from '../../core/ports.ts';
import { createDigestDeps, digestTimezone } from '../../create-digest-deps.ts';
import { createSlackDigestPublisherForToken } from '../../slack/slack-digest-publisher.ts';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { loadConfigOrExplain } from '../load-config-or-explain.ts';
import { openStorageOrExplain, runsBesideStart } from '../open-storage-or-explain.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

interface DigestArgs {
  week?: IsoWeek;
  teamId?: string;
  json: boolean;
  png?: string;
  post: boolean;
}

/** `verbatim digest`: the weekly digest in the terminal, as JSON, as a chart, or posted now. */
export function createDigestCommand(
  options: {
    clock?: Clock;
    /** Replaces the Teams SDK's token acquisition (tests: no Entra needed). */
    teamsToken?: TokenProvider;
  } = {},
): CliCommand {
  const clock = options.clock ?? systemClock;
  return {
    name: 'digest',
    summary:
      'show (or post) the weekly digest: rising and falling topics with quotes, accounts, response times',
    usage: 'verbatim digest [--week YYYY-Www] [--team ID] [--json] [--png FILE] [--post]',
    help: [
      '--week YYYY-Www  an ISO week, e.g. 2026-W47 (default: the last complete week)',
      "--team ID        one team's digest (its own destination with --post)",
      '--json           the stored digest as JSON',
      '--png FILE       also write the chart of rising and falling topics to FILE',
      "--post           post it now to digest.destination (the team's with --team); once per week",
    ].join('\n'),
    async run(args, io) {
      const parsed = parseArgs(args);
      const config = loadConfigOrExplain(io);
      if (!config) return 1;
      const { file, directory } = config;
      const team =
        parsed.teamId === undefined
          ? null
          : directory.teams.find((candidate) => candidate.id === parsed.teamId);
      if (team === undefined) {
        io.stderr.write(
          `✗ unknown team "${parsed.teamId}"; known teams: ${directory.teams.map((t) => t.id).join(', ')}\n`,
        );
        return 1;
      }
      const now = clock.now();
      const timezone = digestTimezone(file);
      const week = parsed.week ?? lastCompleteWeek(now, timezone);
      if (weekStart(shiftWeek(week, 1), timezone) > now) {
        io.stderr.write(
          `✗ week ${formatIsoWeek(week)} has not ended yet in ${timezone}; the last complete week is ${formatIsoWeek(lastCompleteWeek(now, timezone))}\n`,
        );
        return 1;
      }
      const storage = await openStorageOrExplain(config, io, runsBesideStart('digest'));
      if (!storage) return 1;
      try {
        const logger = pino({ level: config.env.LOG_LEVEL }, pino.destination(2));
        const publishers: DigestPublisher[] = [createConsoleDigestPublisher(io.stdout)];
        if (config.env.SLACK_BOT_TOKEN) {
          publishers.push(
            createSlackDigestPublisherForToken({
              token: config.env.SLACK_BOT_TOKEN,
              apiUrl: config.env.SLACK_API_URL,
              logger,
            }),
          );
        }
        if (config.env.TEAMS_CLIENT_ID && config.env.TEAMS_TENANT_ID) {
          // Loaded only when Teams is configured: the Teams SDK brings express and msal along.
          const { createStandaloneTeamsDigestPublisher } = await import(
            '../../teams/create-standalone-teams-digest-publisher.ts'
          );
          publishers.push(
            createStandaloneTeamsDigestPublisher({
              clientId: config.env.TEAMS_CLIENT_ID,
              clientSecret: config.env.TEAMS_CLIENT_SECRET,
              tenantId: config.env.TEAMS_TENANT_ID,
              serviceUrl: config.env.TEAMS_SERVICE_URL,
              logger,
              ...(options.teamsToken ? { token: options.teamsToken } : {}),
            }),
          );
        }
        const deps = createDigestDeps({
          db: storage.db,
          file,
          directory,
          publishers,
          onChartError: (error) => io.stderr.write(`! chart not rendered: ${String(error)}\n`),
          // With ANTHROPIC_API_KEY, a week computed now has its themes named by Claude (one call).
          themeNamer: createThemeNamer(config, logger),
          onThemeNamingFallback: logThemeNamingFallback(logger),
        });
        const teamId = team?.id ?? null;
        const digest = await prepareDigest(deps, { week, teamId, now });
        if (parsed.json) io.stdout.write(`${JSON.stringify(digest, null, 2)}\n`);
        else if (!parsed.post) io.stdout.write(renderDigestText(digest, { teamName: team?.name ?? null }));
        if (parsed.png) {
          const chart = await renderDigestChart(digest);
          if (chart) {
            await writeFile(resolve(io.cwd, parsed.png), chart.png);
            io.stderr.write(`Chart written to ${parsed.png} (${chart.png.length} bytes)\n`);
          } else io.stderr.write('No chart: no topic rose or fell this week.\n');
        }
        if (parsed.post) {
          const destination = team ? team.destination : file.digest.destination;
          if (!destination) {
            io.stderr.write(
              '✗ no digest destination: set digest.destination in the config file (or use --team)\n',
            );
            return 1;
          }
          const outcome = await publishDigest(deps, { week, teamId, destination, now, late: false });
          const where = describeDestination(destination);
          if (outcome.status === 'posted')
            io.stderr.write(
              `Posted the ${digest.week} digest to ${where}${outcome.chartPosted ? ' with its chart' : ''}.\n`,
            );
          else if (outcome.status === 'already-posted')
            io.stderr.write(
              `The ${digest.week} digest was already posted to ${where}; not posting it twice.\n`,
            );
          else
            io.stderr.write(`Another worker is posting the ${digest.week} digest to ${where} right now.\n`);
        }
        return 0;
      } finally {
        await storage.close();
      }
    },
  };
}

export const digestCommand = createDigestCommand();

function parseArgs(args: string[]): DigestArgs {
  const { values } = parseCommandArgs(args, {
    week: { type: 'string' },
    team: { type: 'string' },
    json: { type: 'boolean' },
    png: { type: 'string' },
    post: { type: 'boolean' },
  });
  for (const flag of ['week', 'team', 'png'] as const)
    if (values[flag]?.trim() === '') throw new UsageError(`--${flag} needs a value`);
  const parsed: DigestArgs = { json: values.json === true, post: values.post === true };
  if (values.team !== undefined) parsed.teamId = values.team;
  if (values.png !== undefined) parsed.png = values.png;
  if (values.week !== undefined) {
    const week = parseIsoWeek(values.week);
    if (!week.ok) throw new UsageError(`invalid --week: ${week.problem}`);
    parsed.week = week.week;
  }
  return parsed;
}
