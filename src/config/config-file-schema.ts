import { z } from 'zod';
import { isTimeZone } from '../core/business-calendar.ts';
import {
  AccountSchema,
  DestinationSchema,
  RoutingRuleSchema,
  TeamSchema,
  TopicSchema,
} from '../core/directory.ts';
import { HealthModelSchema } from '../core/health/health-model.ts';
import { SlaPolicySchema } from '../core/sla-policy.ts';
import { ConfigCalendarSchema } from './config-calendar-schema.ts';
import { cronExpressionProblem } from './cron-expression.ts';
import { RetentionSchema } from './retention-schema.ts';

/**
 * The YAML config file, shaped for humans. Every field has a default where a sensible one exists;
 * `docs/configuration.md` is the reference and `examples/verbatim.config.yaml` a commented example.
 */
export const ConfigFileSchema = z.object({
  /** The organisation's business calendar; teams may name another in `calendars`. */
  calendar: ConfigCalendarSchema,
  /** Named extra calendars, e.g. for a team in another time zone. */
  calendars: z.record(z.string(), ConfigCalendarSchema).default({}),
  sla: SlaPolicySchema.prefault({}),
  grouping: z
    .object({
      /** Consecutive messages from one account in one conversation within this many minutes form one request. */
      windowMinutes: z.number().positive().default(5),
      /** Seconds triage waits after a new request so a burst of messages is triaged together. */
      triageDelaySeconds: z.number().min(0).default(20),
    })
    .prefault({}),
  noise: z
    .object({
      /** Extra regular expressions (case-insensitive) for messages that are engagement, not requests. */
      patterns: z.array(z.string()).default([]),
    })
    .prefault({}),
  teams: z.array(TeamSchema).min(1),
  accounts: z.array(AccountSchema).default([]),
  topics: z.array(TopicSchema).min(1),
  routing: z.object({
    defaultTeam: z.string(),
    unmapped: DestinationSchema,
    rules: z.array(RoutingRuleSchema).default([]),
  }),
  /** Internal channels whose messages are also treated as customer feedback (opaque refs). */
  feedbackChannels: z.array(z.string()).default([]),
  ownDomains: z.array(z.string()).default([]),
  digest: z
    .object({
      /** Cron expression, evaluated in `timezone`. */
      schedule: z
        .string()
        .superRefine((expression, context) => {
          const problem = cronExpressionProblem(expression);
          if (problem) context.addIssue({ code: 'custom', message: problem });
        })
        .default('0 9 * * 1'),
      timezone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Helsinki').optional(),
      destination: DestinationSchema.optional(),
      /** Weeks of trailing baseline the digest week is compared with. */
      baselineWeeks: z.number().int().min(1).max(52).default(8),
      /** Team ids that also get their own slice, posted to the team's destination in its language. */
      teams: z.array(z.string()).default([]),
      /**
       * Minutes before `schedule` at which the digest is computed and its emerging themes are sent
       * to Claude as a Message Batch (with ANTHROPIC_API_KEY); 0: named at posting time instead.
       */
      prepareMinutesBefore: z.number().int().min(0).max(1440).default(60),
    })
    .prefault({}),
  churn: z
    .object({
      /** Platform user ids allowed to run /churn; empty means everyone in our workspace. */
      allowedUsers: z.array(z.string()).default([]),
      allowedGroups: z.array(z.string()).default([]),
      /** Where at-risk alerts are posted for the CS team (the account owner also gets a DM). */
      alertChannel: DestinationSchema.optional(),
      /** Hours after an alert in which the same account raises no other. */
      alertCooldownHours: z.number().min(0).default(72),
      /** Also announce an account whose band improved. */
      announceImprovements: z.boolean().default(false),
      /** Cron expression (in the calendar's time zone) of the nightly health snapshot. */
      snapshotSchedule: z.string().default('0 3 * * *'),
    })
    .prefault({}),
  /** Account health model: factor weights and windows, bands, hysteresis (docs/health.md). */
  health: HealthModelSchema.prefault({}),
  reactions: z
    .object({
      claim: z.array(z.string()).default(['eyes']),
      resolve: z.array(z.string()).default(['white_check_mark', 'heavy_check_mark']),
      /** Mirror status onto the customer's original message (off: customers see nothing). */
      mirrorOnCustomerMessage: z.boolean().default(false),
    })
    .prefault({}),
  analysis: z
    .object({
      /** Redact emails, phone numbers, IBANs and card-like numbers before text leaves for the LLM API. */
      redactPersonalData: z.boolean().default(true),
      /** Days before renewal in which an enterprise account's negative message raises the floor. */
      renewalWindowDays: z.number().int().positive().default(90),
    })
    .prefault({}),
  /** How long stored data is kept; see docs/privacy.md. */
  retention: RetentionSchema,
});
export type ConfigFile = z.infer<typeof ConfigFileSchema>;
