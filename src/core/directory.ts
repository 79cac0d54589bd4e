import { z } from 'zod';
import { PrioritySchema } from './priority.ts';

/**
 * The organisation as Verbatim sees it: teams, accounts, topics and routing rules. These schemas
 * are the domain half of the config file; `src/config` wraps them with YAML, env and error
 * reporting.
 */

/** Where a post goes. Data only: the core never knows a platform API. */
export const DestinationSchema = z.discriminatedUnion('platform', [
  z.object({ platform: z.literal('slack'), channel: z.string().min(1) }),
  z.object({ platform: z.literal('teams'), conversationId: z.string().min(1) }),
  z.object({ platform: z.literal('console'), name: z.string().min(1) }),
]);
export type Destination = z.infer<typeof DestinationSchema>;

export function describeDestination(destination: Destination): string {
  switch (destination.platform) {
    case 'slack':
      return `slack:${destination.channel}`;
    case 'teams':
      return `teams:${destination.conversationId}`;
    case 'console':
      return `console:${destination.name}`;
  }
}

export const TopicSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case id: letters, digits and dashes'),
  label: z.string().min(1),
  description: z.string().optional(),
  /** Words and phrases (any language) that suggest the topic to the offline analyzer. */
  keywords: z.array(z.string().min(1)).default([]),
});
export type Topic = z.infer<typeof TopicSchema>;

export const TierSchema = z.enum(['enterprise', 'growth', 'starter']);
export type Tier = z.infer<typeof TierSchema>;

export const AccountSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case id: letters, digits and dashes'),
  name: z.string().min(1),
  /** Email domains of the customer; subdomains match too. */
  domains: z.array(z.string().min(3)).default([]),
  /** Opaque conversation refs shared with the customer, e.g. `slack:C0123`, `teams:19:abc@thread.tacv2`. */
  channels: z.array(z.string().min(3)).default([]),
  owner: z.string().optional(),
  tier: TierSchema.default('starter'),
  /** Annual recurring revenue in whole currency units. */
  arr: z.number().nonnegative().optional(),
  /** ISO date (YYYY-MM-DD). */
  renewalDate: z.iso.date().optional(),
  segment: z.string().optional(),
  /** Per-account routing overrides: topic id → team id, or `*` → team id for every topic. */
  routing: z.record(z.string(), z.string()).default({}),
});
export type Account = z.infer<typeof AccountSchema>;

export const TeamSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case id: letters, digits and dashes'),
  name: z.string().min(1),
  destination: DestinationSchema,
  topics: z.array(z.string()).default([]),
  /** Where P1 requests and SLA escalations are also announced. */
  escalation: DestinationSchema.optional(),
  /** Platform user or usergroup id mentioned by nudges when nobody has claimed a request. */
  onCall: z.string().optional(),
  /** Manager mentioned on escalations. */
  manager: z.string().optional(),
  /** Language of summaries for this team (BCP 47, e.g. `en`, `fi`). */
  language: z.string().default('en'),
  /** Business calendar id (see `calendars`); defaults to the organisation calendar. */
  calendar: z.string().optional(),
});
export type Team = z.infer<typeof TeamSchema>;

export const RoutingRuleSchema = z.object({
  /** Matches when the request has this topic. */
  topic: z.string().optional(),
  /** Matches when the request is from an account of this tier. */
  tier: z.string().optional(),
  /** Matches when the request is at least this urgent. */
  minPriority: PrioritySchema.optional(),
  team: z.string(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;

/** Everything routing needs to know about the organisation, assembled from the config file. */
export interface Directory {
  teams: Team[];
  accounts: Account[];
  topics: Topic[];
  rules: RoutingRule[];
  /** Team that receives requests whose topic no team owns. */
  defaultTeam: string;
  /** Where requests from unknown accounts go, with an offer to map them. */
  unmapped: Destination;
  /** Our own email domains: authors from them are staff, not customers. */
  ownDomains: string[];
}

/**
 * The directory as platform adapters see it: they read it, and cannot change it; a mapping made on
 * a platform goes through a command (AdapterContext.upsertAccount) that stores it and applies it.
 */
export type DirectoryView = {
  readonly [Field in keyof Directory]: Directory[Field] extends Array<infer Item>
    ? ReadonlyArray<Item>
    : Directory[Field];
};
