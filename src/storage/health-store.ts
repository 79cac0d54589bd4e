import { z } from 'zod';
import { HealthBandSchema } from '../core/health/health-model.ts';
import type { HealthSnapshot } from '../core/health/health-snapshot.ts';
import { alertKey, type HealthStore } from '../core/health/health-store.ts';
import type { Queryable } from './database.ts';
import { jsonRows, jsonRowsOf, readHealthSignals, readRequestQuotes } from './read-health-signals.ts';
import { readManyHealthSignals } from './read-many-health-signals.ts';

const SnapshotRowSchema = z.object({
  account_id: z.string(),
  day: z.string(),
  score: z.coerce.number().nullable(),
  band: HealthBandSchema.nullable(),
  factors: z.record(z.string(), z.object({ points: z.number(), maxPoints: z.number(), reason: z.string() })),
  top_reason: z.string().nullable(),
  model_version: z.string(),
});

const UPSERT = `ON CONFLICT (account_id, day) DO UPDATE SET score = EXCLUDED.score, band = EXCLUDED.band,
  factors = EXCLUDED.factors, top_reason = EXCLUDED.top_reason, model_version = EXCLUDED.model_version,
  computed_at = now()`;

const COLUMNS = 'account_id, day::text AS day, score, band, factors, top_reason, model_version';

function toSnapshot(row: unknown): HealthSnapshot {
  const r = SnapshotRowSchema.parse(row);
  return {
    accountId: r.account_id,
    day: r.day,
    score: r.score,
    band: r.band,
    factors: r.factors as HealthSnapshot['factors'],
    topReason: r.top_reason,
    modelVersion: r.model_version,
  };
}

/** Account health's store over Postgres (PGlite or a server); see the HealthStore port. */
export function createHealthStore(db: Queryable): HealthStore {
  return {
    readSignals: (account, now, model) => readHealthSignals(db, account, now, model),
    readManySignals: (accounts, now, model) => readManyHealthSignals(db, accounts, now, model),
    readQuotes: (requestIds) => readRequestQuotes(db, requestIds),

    async listSnapshots(accountId, fromDay) {
      const result = await db.query(
        `SELECT ${COLUMNS} FROM health_snapshots WHERE account_id = $1 AND day >= $2::date ORDER BY day`,
        [accountId, fromDay],
      );
      return result.rows.map(toSnapshot);
    },

    async saveSnapshot(snapshot) {
      await db.query(
        `INSERT INTO health_snapshots (account_id, day, score, band, factors, top_reason, model_version)
         VALUES ($1, $2::date, $3, $4, $5, $6, $7) ${UPSERT}`,
        [
          snapshot.accountId,
          snapshot.day,
          snapshot.score,
          snapshot.band,
          JSON.stringify(snapshot.factors),
          snapshot.topReason,
          snapshot.modelVersion,
        ],
      );
    },

    async saveSnapshots(snapshots) {
      if (snapshots.length === 0) return;
      // One JSON parameter rather than seven arrays: jsonb[] literals escape differently per driver.
      await db.query(
        `INSERT INTO health_snapshots (account_id, day, score, band, factors, top_reason, model_version)
         SELECT account_id, day, score, band, factors, top_reason, model_version
         FROM jsonb_to_recordset($1::jsonb) AS s(account_id text, day date, score integer, band text,
           factors jsonb, top_reason text, model_version text)
         ${UPSERT}`,
        [
          JSON.stringify(
            snapshots.map((snapshot) => ({
              account_id: snapshot.accountId,
              day: snapshot.day,
              score: snapshot.score,
              band: snapshot.band,
              factors: snapshot.factors,
              top_reason: snapshot.topReason,
              model_version: snapshot.modelVersion,
            })),
          ),
        ],
      );
    },

    async latestSnapshots(day, options = {}) {
      const columns =
        options.factors === false ? COLUMNS.replace('factors', `'{}'::jsonb AS factors`) : COLUMNS;
      // With `withinDays` (every caller in the service) a range of recent days is read through the
      // (day, account_id) index rather than every snapshot ever taken.
      const recent = options.withinDays === undefined ? '' : 'AND day > $1::date - $2::int';
      // One JSON value rather than 10,000 rows (PGlite pays per row returned); ordered by the
      // column `day`, not the text it is selected as.
      const result = await db.query(
        `SELECT ${jsonRows('latest', 'latest.account_id')} FROM (
           SELECT DISTINCT ON (account_id) ${columns} FROM health_snapshots
           WHERE day <= $1::date ${recent} ORDER BY account_id, health_snapshots.day DESC
         ) latest`,
        options.withinDays === undefined ? [day] : [day, options.withinDays],
      );
      return new Map(
        jsonRowsOf(result).map((row) => {
          const snapshot = toSnapshot(row);
          return [snapshot.accountId, snapshot];
        }),
      );
    },

    async claimAlert(input) {
      // One statement: the claim fails if the key exists or the account alerted within the cool-down.
      const result = await db.query(
        `INSERT INTO health_alerts (key, account_id, from_band, to_band, claimed_at)
         SELECT $1, $2, $3, $4, $5
         WHERE NOT EXISTS (
           SELECT 1 FROM health_alerts WHERE account_id = $2 AND claimed_at > $5::timestamptz - make_interval(hours => $6)
         )
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [alertKey(input), input.accountId, input.fromBand, input.toBand, input.now, input.cooldownHours],
      );
      return result.rows.length === 1;
    },

    async markAlertSent(key) {
      await db.query('UPDATE health_alerts SET sent_at = now() WHERE key = $1', [alertKey(key)]);
    },
  };
}
