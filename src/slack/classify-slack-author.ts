/** What users.info tells about a user, as far as authorship needs it. */
export interface SlackUserFacts {
  id: string;
  name: string;
  teamId?: string;
  email?: string;
  /** Job title from the profile, when set (account health spots new executives by it). */
  title?: string;
  /** A member of another organisation met through Slack Connect. */
  isStranger: boolean;
  /** A guest (single- or multi-channel) of our own workspace. */
  isGuest: boolean;
  isBot: boolean;
}

/**
 * True when a message's author belongs to the customer rather than to us. Slack says that
 * "determining whether a user is external must be done implicitly" (api.slack.com/apis/channels-between-orgs):
 * the author's team (`user_team`, else `team`) is compared with our team and enterprise ids, and
 * users.info confirms — a Slack Connect stranger or a guest of our workspace counts as the customer.
 * When nothing is known the author is taken as the customer, so a message is never silently
 * treated as a staff answer.
 */
export function isExternalSlackAuthor(input: {
  authorTeam?: string;
  ourTeamIds: readonly string[];
  user?: SlackUserFacts | null;
}): boolean {
  if (input.user?.isStranger || input.user?.isGuest) return true;
  const team = input.authorTeam ?? input.user?.teamId;
  if (team === undefined) return true;
  return !input.ourTeamIds.includes(team);
}
