import { createThemeClusterer } from './analyzers/cluster-themes.ts';
import { renderDigestChart } from './chart/render-digest-chart.ts';
import type { ConfigFile } from './config/config-file-schema.ts';
import type { DigestDeps, ThemeNamingFallback } from './core/digest/build-digest.ts';
import type { DigestPublisher } from './core/digest/digest-publisher.ts';
import type { PublishDigestDeps } from './core/digest/publish-digest.ts';
import type { ThemeNamer } from './core/digest/theme-namer.ts';
import type { Directory } from './core/directory.ts';
import type { Database } from './storage/database.ts';
import { createDigestArchive } from './storage/digest-archive.ts';
import { createDigestPostLedger } from './storage/digest-post-ledger.ts';
import { createDigestQueries } from './storage/digest-queries.ts';
import { createHealthStore } from './storage/health-store.ts';

/** The digest's time zone: `digest.timezone`, else the organisation calendar's. */
export function digestTimezone(file: ConfigFile): string {
  return file.digest.timezone ?? file.calendar.timezone;
}

/**
 * Wires the digest use cases to storage, the offline theme clusterer, the theme namer (Claude,
 * when given: `createThemeNamer`) and the chart renderer.
 */
export function createDigestDeps(input: {
  db: Database;
  file: ConfigFile;
  directory: Directory;
  publishers?: DigestPublisher[];
  onChartError?: (error: unknown) => void;
  themeNamer?: ThemeNamer;
  onThemeNamingFallback?: (event: ThemeNamingFallback) => void;
  /** Posting's wait for a prepared digest's naming batch (ms); default 2 minutes. */
  themeBatchWaitMs?: number;
}): PublishDigestDeps {
  const base: DigestDeps = {
    source: createDigestQueries(input.db),
    archive: createDigestArchive(input.db),
    themes: createThemeClusterer(),
    topics: input.directory.topics,
    teams: input.directory.teams,
    accounts: input.directory.accounts,
    timezone: digestTimezone(input.file),
    trend: { baselineWeeks: input.file.digest.baselineWeeks },
    health: createHealthStore(input.db),
    ...(input.themeNamer ? { themeNamer: input.themeNamer } : {}),
    ...(input.onThemeNamingFallback ? { onThemeNamingFallback: input.onThemeNamingFallback } : {}),
    ...(input.themeBatchWaitMs === undefined ? {} : { themeBatchWaitMs: input.themeBatchWaitMs }),
  };
  return {
    ...base,
    ledger: createDigestPostLedger(input.db),
    publishers: input.publishers ?? [],
    chart: { render: renderDigestChart },
    ...(input.onChartError ? { onChartError: input.onChartError } : {}),
  };
}
