/**
 * Ids of the interactive elements Verbatim renders. The request an element acts on travels in the
 * actions block's `block_id` (`<prefix><requestId>`), so buttons and selects carry it alike.
 */
export const ACTION_IDS = {
  claim: 'verbatim_claim',
  unclaim: 'verbatim_unclaim',
  resolve: 'verbatim_resolve',
  reopen: 'verbatim_reopen',
  reassign: 'verbatim_reassign',
  snooze: 'verbatim_snooze',
  mapAccount: 'verbatim_map_account',
  /** The post's ⋯ menu: "Explain" shows the request's audit trail to the user who asked. */
  overflow: 'verbatim_overflow',
  /** URL buttons still send an action that must be acknowledged. */
  openLink: 'verbatim_open_link',
} as const;

const BLOCK_PREFIX = 'verbatim_request:';

export function requestBlockId(requestId: string, surface: 'post' | 'home' = 'post'): string {
  return `${BLOCK_PREFIX}${surface}:${requestId}`;
}

/** The request id in an actions block id; null when the block is not ours. */
export function requestIdFromBlockId(blockId: string | undefined): string | null {
  if (!blockId?.startsWith(BLOCK_PREFIX)) return null;
  const rest = blockId.slice(BLOCK_PREFIX.length);
  const colon = rest.indexOf(':');
  return colon === -1 ? null : rest.slice(colon + 1) || null;
}

/** Snooze choices in minutes, offered on every routed post. */
export const SNOOZE_CHOICES: ReadonlyArray<{ label: string; minutes: number }> = [
  { label: '1 hour', minutes: 60 },
  { label: '4 hours', minutes: 240 },
  { label: '1 day', minutes: 1440 },
  { label: '3 days', minutes: 4320 },
  { label: '1 week', minutes: 10_080 },
];
