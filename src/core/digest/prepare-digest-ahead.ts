import { computeDigestDraft, type DigestDeps, digestScope } from './build-digest.ts';
import { formatIsoWeek, type IsoWeek, lastCompleteWeek, shiftWeek, weekStart } from './iso-week.ts';

export type PrepareOutcome =
  /** Stored with its naming batch submitted; posting collects the names. */
  | 'prepared'
  /** Stored final: there were no themes to name. */
  | 'prepared-final'
  /** A digest of the week and scope was stored before. */
  | 'exists'
  /** The naming batch could not be submitted: nothing stored, posting names the themes at once. */
  | 'not-prepared';

/**
 * Prepares a week's digest ahead of its posting time: computes it, submits the request that
 * names its emerging themes as a Message Batch (half the price of an immediate call, results
 * within hours), and stores the digest with the batch id. `prepareDigest` at posting time then
 * collects the names. Needs a namer that can submit batches.
 */
export async function prepareDigestAhead(
  deps: DigestDeps & { themeNamer: NonNullable<DigestDeps['themeNamer']> },
  input: { week: IsoWeek; teamId: string | null; now: Date },
): Promise<PrepareOutcome> {
  const week = formatIsoWeek(input.week);
  const scope = digestScope(input.teamId);
  if (await deps.archive.find(week, scope)) return 'exists';
  const { digest, themesToName } = await computeDigestDraft(deps, input);
  if (themesToName.length === 0 || !deps.themeNamer.submit) {
    await deps.archive.keep(week, scope, digest);
    return 'prepared-final';
  }
  let batch: Awaited<ReturnType<NonNullable<typeof deps.themeNamer.submit>>>;
  try {
    batch = await deps.themeNamer.submit(themesToName, digest.language);
  } catch (error) {
    deps.onThemeNamingFallback?.({
      week,
      scope,
      reason: 'batch-not-submitted',
      unnamed: themesToName.length,
      themes: themesToName.length,
      error,
    });
    return 'not-prepared';
  }
  // A replica that prepared the same week first wins; this batch's answer is then not used.
  return (await deps.archive.keepPrepared(week, scope, digest, batch)) ? 'prepared' : 'exists';
}

/**
 * Prepares the digests of the next scheduled run when it is at most `leadMs` away and the week it
 * posts has ended. Run on a frequent tick; ticks that find the digests stored do nothing.
 */
export async function prepareDueDigests(
  deps: DigestDeps & { themeNamer: NonNullable<DigestDeps['themeNamer']> },
  input: { now: Date; nextDueAt: Date; leadMs: number; teamIds: Array<string | null> },
): Promise<Array<{ week: string; scope: string; outcome: PrepareOutcome | 'failed'; error?: unknown }>> {
  const untilDue = input.nextDueAt.getTime() - input.now.getTime();
  if (untilDue <= 0 || untilDue > input.leadMs) return [];
  const week = lastCompleteWeek(input.nextDueAt, deps.timezone);
  // A schedule right after the week ends (Monday 00:30) would prepare an unfinished week.
  if (weekStart(shiftWeek(week, 1), deps.timezone) > input.now) return [];
  const results = [];
  for (const teamId of new Set(input.teamIds)) {
    const base = { week: formatIsoWeek(week), scope: digestScope(teamId) };
    try {
      results.push({ ...base, outcome: await prepareDigestAhead(deps, { week, teamId, now: input.now }) });
    } catch (error) {
      results.push({ ...base, outcome: 'failed' as const, error });
    }
  }
  return results;
}
