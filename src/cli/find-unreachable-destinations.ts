import type { AppConfig } from '../config/load-config.ts';
import { type Destination, describeDestination } from '../core/directory.ts';

export interface UnreachablePlatform {
  platform: Destination['platform'];
  /** What the environment lacks, e.g. `SLACK_BOT_TOKEN is not set`. */
  missing: string;
  /** Config paths with their destination, e.g. `teams[0].destination (slack:C0SUPPORT)`. */
  uses: string[];
}

/**
 * Platforms that the config posts to but the environment gives no adapter for. `replay` checks
 * this before it starts, so a backfill without credentials stops with advice instead of printing a
 * warning for every post it cannot make.
 */
export function findUnreachableDestinations(config: AppConfig): UnreachablePlatform[] {
  const { env, file } = config;
  const missing: Partial<Record<Destination['platform'], string>> = {
    ...(env.SLACK_BOT_TOKEN ? {} : { slack: 'SLACK_BOT_TOKEN is not set' }),
    ...(env.TEAMS_CLIENT_ID
      ? {}
      : { teams: 'TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID are not set' }),
    console: 'the console platform only prints in `verbatim demo`',
  };
  const destinations: Array<[string, Destination | undefined]> = [
    ...file.teams.flatMap(
      (team, index): Array<[string, Destination | undefined]> => [
        [`teams[${index}].destination`, team.destination],
        [`teams[${index}].escalation`, team.escalation],
      ],
    ),
    ['routing.unmapped', file.routing.unmapped],
    ['digest.destination', file.digest.destination],
  ];
  const byPlatform = new Map<Destination['platform'], string[]>();
  for (const [path, destination] of destinations) {
    if (!destination || !missing[destination.platform]) continue;
    const uses = byPlatform.get(destination.platform) ?? [];
    uses.push(`${path} (${describeDestination(destination)})`);
    byPlatform.set(destination.platform, uses);
  }
  return [...byPlatform].map(([platform, uses]) => ({ platform, missing: missing[platform] ?? '', uses }));
}
