import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics Verbatim exports at /metrics. Names follow Prometheus conventions (units in names). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'verbatim_' });
  return {
    registry,
    messagesIngested: new Counter({
      name: 'verbatim_messages_ingested_total',
      help: 'Messages handed to the pipeline, by source platform and outcome',
      labelNames: ['platform', 'outcome'] as const,
      registers: [registry],
    }),
    requestsTriaged: new Counter({
      name: 'verbatim_requests_triaged_total',
      help: 'Requests triaged, by priority, team and engine kind',
      labelNames: ['priority', 'team', 'engine'] as const,
      registers: [registry],
    }),
    analyzerFallbacks: new Counter({
      name: 'verbatim_analyzer_fallbacks_total',
      help: 'Analyses that fell back to the heuristic engine, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    analyzerTokens: new Counter({
      name: 'verbatim_analyzer_tokens_total',
      help: 'LLM tokens used by triage, by kind (input, output, cache_read, cache_write)',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    analyzerCost: new Counter({
      name: 'verbatim_analyzer_cost_usd_total',
      help: 'Estimated LLM cost of triage in US dollars',
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'verbatim_deliveries_total',
      help: 'Routed posts and notes delivered, by kind and outcome',
      labelNames: ['kind', 'outcome'] as const,
      registers: [registry],
    }),
    firstResponse: new Histogram({
      name: 'verbatim_first_response_business_minutes',
      help: 'Business minutes from routing to the first staff reply',
      labelNames: ['priority'] as const,
      buckets: [5, 15, 30, 60, 120, 240, 480, 960, 1920],
      registers: [registry],
    }),
    resolution: new Histogram({
      name: 'verbatim_resolution_business_minutes',
      help: 'Business minutes from routing to resolve',
      labelNames: ['priority'] as const,
      buckets: [30, 60, 240, 480, 960, 1920, 3840, 7680],
      registers: [registry],
    }),
    nudges: new Counter({
      name: 'verbatim_sla_nudges_total',
      help: 'SLA warnings, breaches, repeats and escalations sent',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'verbatim_job_queue_depth',
      help: 'Jobs waiting per queue',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
    }),
    deadLettersWaiting: new Gauge({
      name: 'verbatim_dead_letters',
      help: 'Dead letters waiting for a retry or a discard, by kind (stored input by source, or job:<queue>)',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    deadLetters: new Counter({
      name: 'verbatim_dead_letters_total',
      help: 'Inputs kept in the dead-letter table, by source',
      labelNames: ['source'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
