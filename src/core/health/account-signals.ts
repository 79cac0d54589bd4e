import type { ShownChurnSignal } from '../analysis.ts';
import type { Priority } from '../priority.ts';
import type { RequestState } from '../request-state.ts';
import type { HealthBand } from './health-model.ts';

/** A customer's words as evidence: verbatim (possibly an excerpt, marked with …), with where and who. */
export interface Quote {
  quote: string;
  link: string | null;
  author: string;
  at: Date;
  requestId?: string;
}

/** One request as health needs it: state, triage and response figures, and its first message. */
export interface RequestSignal {
  id: string;
  state: RequestState;
  priority: Priority | null;
  openedAt: Date;
  /** −1 … 1, null before triage. */
  sentiment: number | null;
  /** As stored: `quoted` says whether triage found the phrase in the customer's text. */
  churnSignals: ShownChurnSignal[];
  topics: string[];
  firstResponseAt: Date | null;
  /** First response in business minutes, and its target, when the SLA clock measured them. */
  firstResponseMinutes: number | null;
  targetMinutes: number | null;
  /** A breach nudge was due (the first response came too late or has not come). */
  breached: boolean;
  /** The request's first customer message. */
  firstMessage: Quote | null;
}

/** Customer messages of one day (UTC), counted: engagement needs volume and who, not text. */
export interface DailyActivity {
  day: Date;
  messages: number;
  /** Platform ids of the customer contacts who wrote that day. */
  authors: string[];
}

/** A customer contact joining or leaving a shared channel. */
export interface StakeholderEvent {
  kind: 'member-joined' | 'member-left';
  name: string;
  /** Job title when the platform tells it; used to spot new executives. */
  title: string | null;
  at: Date;
}

/** Everything `scoreAccount` reads about one account, gathered by the storage adapter. */
export interface AccountSignals {
  requests: RequestSignal[];
  activity: DailyActivity[];
  /** When the customer last wrote, at any time (not only within the windows). */
  lastCustomerMessageAt: Date | null;
  stakeholders: StakeholderEvent[];
  /** Whether stakeholder changes are observed at all (the account has a shared channel). */
  stakeholdersObserved: boolean;
  /** Band of the latest stored snapshot, for hysteresis; null when there is none. */
  previousBand: HealthBand | null;
}
