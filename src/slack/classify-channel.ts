import type { Account } from '../core/directory.ts';
import { slackConversationRef } from './slack-refs.ts';

/**
 * What a channel is to Verbatim:
 * - `customer`: mapped to an account in the config (`accounts[].channels: [slack:C…]`);
 * - `feedback`: one of our internal channels configured as customer feedback (`feedbackChannels`);
 * - `unmapped`: shared with another organisation but mapped to no account — its messages take
 *   the unmapped flow;
 * - null: anything else (our team channels, random channels): ignored.
 */
export type ChannelKind = 'customer' | 'feedback' | 'unmapped' | null;

export function classifyChannel(input: {
  channel: string;
  accounts: readonly Pick<Account, 'channels'>[];
  feedbackChannels: readonly string[];
  /** The event envelope's `is_ext_shared_channel`. */
  isExtShared: boolean;
}): ChannelKind {
  const ref = slackConversationRef(input.channel);
  if (input.accounts.some((account) => account.channels.includes(ref))) return 'customer';
  if (input.feedbackChannels.includes(ref)) return 'feedback';
  return input.isExtShared ? 'unmapped' : null;
}
