import type { PostRef, ThreadNote } from '../ports.ts';
import type { Priority } from '../priority.ts';
import type { NudgePlanItem } from '../sla-schedule.ts';

export interface SlaNoteInput {
  nudge: Pick<NudgePlanItem, 'kind' | 'seq' | 'dueAt' | 'targetMinutes'> & { late: boolean };
  /** Business minutes from routing to now, on the priority's clock. */
  elapsedBusinessMinutes: number;
  priority: Priority;
  /** True when the priority's clock runs 24/7: minutes are plain minutes then. */
  allHours: boolean;
  maxRepeats: number;
  /** Time zone due times are shown in (the team's calendar). */
  timezone: string;
  /** The claimer, else the team's on-call; null when neither exists. */
  mention: { id: string; who: 'claimer' | 'on-call' } | null;
}

/**
 * A warning, breach or repeat nudge for the routed post's thread. Plain text: the Notifier
 * escapes it and renders `mentions` in its own syntax.
 */
export function composeNudgeNote(input: SlaNoteInput): ThreadNote {
  const { nudge } = input;
  const waited = `${formatBusinessMinutes(input.elapsedBusinessMinutes)} ${clockWords(input.allHours)}`;
  const target = formatBusinessMinutes(nudge.targetMinutes);
  let text: string;
  switch (nudge.kind) {
    case 'warning':
      text = `SLA warning: this ${input.priority} request has waited ${waited} for a first reply to the customer; the target is ${target}.`;
      break;
    case 'breach':
      text = `SLA breached: no first reply to the customer after ${waited}; the ${input.priority} target is ${target}.`;
      break;
    default:
      text = `Still no first reply to the customer after ${waited}; the ${input.priority} target is ${target}. Reminder ${nudge.seq} of ${input.maxRepeats}.`;
  }
  text += ` ${ownerSentence(input.mention)}${lateSentence(input)}`;
  return { kind: 'nudge', text, mentions: input.mention ? [input.mention.id] : [] };
}

/** The escalation: posted to the team's escalation destination with a link to the routed post. */
export function composeEscalationNote(
  input: Omit<SlaNoteInput, 'mention'> & {
    accountName: string | null;
    teamName: string;
    summary: string | null;
    /** The manager, else the on-call; null when neither exists. */
    mention: string | null;
    claimedBy: string | null;
    link: PostRef | null;
  },
): ThreadNote {
  const waited = `${formatBusinessMinutes(input.elapsedBusinessMinutes)} ${clockWords(input.allHours)}`;
  const who = input.claimedBy ? `claimed by ${input.claimedBy}` : 'not claimed by anyone';
  const summary = input.summary ? ` Summary: ${input.summary}` : '';
  const text =
    `SLA escalation: a ${input.priority} request from ${input.accountName ?? 'an unknown account'} ` +
    `routed to ${input.teamName} has waited ${waited} for a first reply; the target is ` +
    `${formatBusinessMinutes(input.nudge.targetMinutes)}. It is ${who}.${summary}${lateSentence(input)}`;
  return {
    kind: 'escalation',
    text,
    mentions: input.mention ? [input.mention] : [],
    ...(input.link ? { link: input.link } : {}),
  };
}

/** `45 min`, `2 h`, `1 h 30 min`, `26 h 5 min`: business time is counted in hours, not days. */
export function formatBusinessMinutes(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** `Mon 16 Mar 10:30` in `timezone`; `Intl` is part of the language, so this stays pure. */
export function formatLocalTime(at: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value;
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('hour')}:${part('minute')}`;
}

function clockWords(allHours: boolean): string {
  return allHours ? '(round the clock)' : 'of business time';
}

function ownerSentence(mention: SlaNoteInput['mention']): string {
  if (mention === null) return 'Nobody has claimed it and the team has no on-call set.';
  return mention.who === 'claimer' ? 'You claimed it.' : 'Nobody has claimed it yet.';
}

function lateSentence(input: Pick<SlaNoteInput, 'nudge' | 'timezone'>): string {
  if (!input.nudge.late) return '';
  const kind = input.nudge.kind === 'repeat' ? 'reminder' : input.nudge.kind;
  return ` Sent late: this ${kind} fell due ${formatLocalTime(input.nudge.dueAt, input.timezone)} (${input.timezone}) while Verbatim was not running.`;
}
