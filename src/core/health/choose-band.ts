import { HEALTH_BANDS, type HealthBand, type HealthModel } from './health-model.ts';

/** The band a score falls in, without history. */
export function bandOf(score: number, model: HealthModel): HealthBand {
  const { healthy, watch, atRisk } = model.bands;
  if (score >= healthy) return 'healthy';
  if (score >= watch) return 'watch';
  if (score >= atRisk) return 'at-risk';
  return 'critical';
}

/** Positive when `band` is worse than `than`. */
export function compareBands(band: HealthBand, than: HealthBand): number {
  return HEALTH_BANDS.indexOf(band) - HEALTH_BANDS.indexOf(than);
}

/**
 * The band with hysteresis: leaving the previous band takes crossing the boundary by
 * `model.hysteresis` points, so a score wobbling around a threshold keeps its band.
 */
export function chooseBand(score: number, previous: HealthBand | null, model: HealthModel): HealthBand {
  const plain = bandOf(score, model);
  if (previous === null || plain === previous) return plain;
  if (compareBands(plain, previous) > 0) {
    const worse = bandOf(score + model.hysteresis, model);
    return compareBands(worse, previous) > 0 ? worse : previous;
  }
  const better = bandOf(score - model.hysteresis, model);
  return compareBands(better, previous) < 0 ? better : previous;
}
