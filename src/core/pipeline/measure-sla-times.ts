import type { Directory } from '../directory.ts';
import type { Priority } from '../priority.ts';
import type { SlaSettings, TeamClocks } from './create-team-clocks.ts';
import { requestSlaClock } from './request-sla-clock.ts';
import type { SlaStore } from './sla-store.ts';

export interface SlaMeasurement {
  requestId: string;
  priority: Priority;
  measure: 'first-response' | 'resolution';
  /** From routing, on the priority's clock (plain minutes for 24/7 priorities). */
  businessMinutes: number;
  targetMinutes: number;
}

/** Requests changed longer ago than this are not looked at again (bounds the scan; covers long downtime). */
export const MEASURE_LOOKBACK_DAYS = 14;

/**
 * Stores first-response and resolution times, in business minutes from routing, for requests
 * answered or resolved since they were last looked at. Each measurement is stored by exactly one
 * caller (the store's conditional upsert), so replicas observe each once into their metrics.
 */
export async function measureSlaTimes(deps: {
  sla: SlaStore;
  directory: Directory;
  settings: SlaSettings;
  clocks: TeamClocks;
}): Promise<SlaMeasurement[]> {
  const measured: SlaMeasurement[] = [];
  for (const request of await deps.sla.listUnmeasured(MEASURE_LOOKBACK_DAYS)) {
    const sla = requestSlaClock(deps, request);
    if (sla === null) continue;
    const base = { requestId: request.id, priority: sla.priority, targetMinutes: sla.targetMinutes };
    if (request.firstResponseAt !== null) {
      const businessMinutes = sla.clock.businessMinutesBetween(sla.routedAt, request.firstResponseAt);
      const input = { at: request.firstResponseAt, businessMinutes, targetMinutes: sla.targetMinutes };
      if (await deps.sla.recordFirstResponse(request.id, input)) {
        measured.push({ ...base, measure: 'first-response', businessMinutes });
      }
    }
    if (request.resolvedAt !== null) {
      const businessMinutes = sla.clock.businessMinutesBetween(sla.routedAt, request.resolvedAt);
      const input = { at: request.resolvedAt, businessMinutes, targetMinutes: sla.targetMinutes };
      if (await deps.sla.recordResolution(request.id, input)) {
        measured.push({ ...base, measure: 'resolution', businessMinutes });
      }
    }
  }
  return measured;
}
