/**
 * Every durable queue Verbatim uses. Triage and delivery keep strict FIFO order per request (the
 * job key), so a request's triages and posts happen in order; requests do not wait for each other.
 */
export const QUEUES = {
  triage: { name: 'triage', policy: 'key_strict_fifo', retryLimit: 8, deadLetter: 'triage-dead' },
  deliver: { name: 'deliver', policy: 'key_strict_fifo', retryLimit: 10, deadLetter: 'deliver-dead' },
  slaTick: { name: 'sla-tick', policy: 'singleton', retryLimit: 0 },
  digest: { name: 'digest', policy: 'singleton', retryLimit: 3, deadLetter: 'digest-dead' },
  // Best effort: a tick that fails leaves nothing stored, and the next tick (or posting) tries again.
  digestPrepare: { name: 'digest-prepare', policy: 'singleton', retryLimit: 0 },
  healthSnapshot: { name: 'health-snapshot', policy: 'singleton', retryLimit: 2 },
  retention: { name: 'retention', policy: 'singleton', retryLimit: 2 },
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]['name'];

export const DEAD_LETTER_QUEUES = ['triage-dead', 'deliver-dead', 'digest-dead'] as const;
