/** Incident rules whose id is also a topic id in the usual taxonomies (the demo's, the tests'). */
const INCIDENT_TOPICS: ReadonlySet<string> = new Set(['outage', 'security']);

/**
 * Puts the incident's own topic first when the priority rests on an outage or security cue and
 * the taxonomy has a topic with that id: "the API returns 502 for every invoice" is an outage
 * before it is a billing question, whatever keywords it also holds. Other topics keep their order.
 */
export function leadWithIncidentTopic(
  topicIds: readonly string[],
  incidentRule: string | null,
  taxonomyIds: readonly string[],
): string[] {
  if (incidentRule === null || !INCIDENT_TOPICS.has(incidentRule) || !taxonomyIds.includes(incidentRule)) {
    return [...topicIds];
  }
  return [incidentRule, ...topicIds.filter((id) => id !== incidentRule)];
}
