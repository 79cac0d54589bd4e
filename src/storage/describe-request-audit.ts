import type { RequestAudit } from './read-request-audit.ts';

/**
 * A request's history as plain text, one event a line, for `verbatim audit` and the routed post's
 * "Explain". `withText` adds each message's words (the terminal view); without it only who, when
 * and how long, since the reader of a routed post has the words right above.
 */
export function describeRequestAudit(audit: RequestAudit, options: { withText: boolean }): string {
  const { request } = audit;
  const lines: string[] = [
    `request ${request.id} · ${request.state} · ${request.priority ?? 'not triaged'} · team ${request.teamId ?? '—'}`,
    `  account ${request.accountId ?? 'unmapped'} · conversation ${request.conversation} · opened ${request.openedAt}`,
    '',
    `messages (${audit.messages.length})`,
  ];
  for (const message of audit.messages) {
    const flags = [message.editedAt ? `edited ${message.editedAt}` : '', message.deletedAt ? 'deleted' : '']
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${message.sentAt} ${message.kind} from ${message.author.name} (${message.author.id}), ${message.chars} characters${flags ? `, ${flags}` : ''}`,
    );
    if (options.withText) for (const line of message.text.split('\n')) lines.push(`    │ ${line}`);
  }
  lines.push('', `triage decisions (${audit.triageRecords.length})`);
  for (const record of audit.triageRecords) {
    const floor =
      record.floorRules.length === 0
        ? 'no floor rule fired'
        : `floor ${record.floorRules.join(', ')}${record.analyzerPriority === record.finalPriority ? ' (no change)' : `: ${record.analyzerPriority} → ${record.finalPriority}`}`;
    const tokens =
      record.tokens.input === null
        ? 'no tokens'
        : `tokens in ${record.tokens.input} (cache read ${record.tokens.cacheRead ?? 0}, written ${record.tokens.cacheWrite ?? 0}) out ${record.tokens.output}`;
    lines.push(
      `  ${record.at} ${record.trigger}: ${record.engine} → ${record.finalPriority}, team ${record.teamId ?? '—'}, confidence ${record.confidence.toFixed(2)}`,
      `    ${floor}`,
      `    prompt ${record.promptVersion ?? '—'} · input ${record.inputHash?.slice(0, 16) ?? '—'} · redacted ${record.redactions ?? 0} item(s) before sending`,
      `    ${tokens} · cost $${(record.costUsd ?? 0).toFixed(6)} · ${record.calls ?? '?'} call(s) · ${record.latencyMs === null ? '—' : `${Math.round(record.latencyMs)} ms`} · provider request ${record.providerRequestId ?? '—'}${record.fallbackReason ? ` · fallback: ${record.fallbackReason}` : ''}`,
    );
  }
  lines.push('', 'routing');
  if (audit.routing.length === 0) lines.push('  not routed yet');
  for (const route of audit.routing)
    lines.push(`  ${route.linkedAt} posted to ${describe(route.destination)} as ${route.postId}`);
  lines.push('', `state changes (${audit.transitions.length})`);
  for (const transition of audit.transitions) {
    const actor = transition.actor as { id?: string; name?: string };
    lines.push(
      `  ${transition.at} ${transition.kind}: ${transition.from} → ${transition.to} by ${actor.name ?? actor.id ?? '?'}`,
    );
  }
  lines.push('', `posts (${audit.posts.length})`);
  for (const post of audit.posts)
    lines.push(
      `  ${post.postedAt ?? 'pending'} ${post.key.split(':')[0]} → ${describe(post.destination)} ${post.postId ?? ''} (${post.status})`.trimEnd(),
    );
  return `${lines.join('\n')}\n`;
}

function describe(destination: unknown): string {
  const d = destination as { platform?: string; channel?: string; conversationId?: string; name?: string };
  return `${d.platform ?? '?'}:${d.channel ?? d.conversationId ?? d.name ?? '?'}`;
}
