import type { RoutedPostView, ThreadNote } from '../core/ports.ts';
import { REMOVED_NAME, retentionNotice } from '../core/retention-notice.ts';

/** A routed post as plain terminal text. Customer text is shown whole, line by line, quoted. */
export function renderRoutedPostText(view: RoutedPostView, where: string): string {
  const { analysis } = view;
  const account = view.account ? `${view.account.name} (${view.account.tier})` : 'Unmapped account';
  const lines: string[] = [];
  lines.push(`┌ ${view.priority} · ${account} → ${view.team.name} [${where}]  ${view.requestId}`);
  for (const message of view.messages) {
    if (message.bodyRemovedAt) {
      lines.push(`│ ${REMOVED_NAME} · ${formatTime(message.sentAt)} · ${message.platform}`);
      lines.push(`│ (${retentionNotice('text', message.bodyRemovedAt)})`);
      continue;
    }
    const status = message.deletedAt ? ' · deleted by the customer' : message.editedAt ? ' · edited' : '';
    lines.push(`│ ${message.author.name} · ${formatTime(message.sentAt)} · ${message.platform}${status}`);
    if (message.forwardedBy) lines.push(`│ forwarded by ${message.forwardedBy.name}`);
    if (message.subject) lines.push(`│ Subject: ${message.subject}`);
    for (const line of message.text.split('\n')) lines.push(`│ > ${line}`);
    for (const attachment of message.attachments) {
      lines.push(
        `│   📎 ${attachment.name}${attachment.sizeBytes ? ` (${attachment.sizeBytes} bytes)` : ''}`,
      );
    }
  }
  const words = (text: string) =>
    text === '' && view.wordsRemovedAt ? `(${retentionNotice('words', view.wordsRemovedAt)})` : text;
  lines.push(`│ Summary: ${words(analysis.summary)}`);
  const churn =
    analysis.churnSignals
      .map((signal) =>
        signal.quoted === true
          ? `${signal.driver} ("${signal.phrase}")`
          : `${signal.driver} (model's paraphrase: ${signal.phrase})`,
      )
      .join(', ') || 'none';
  lines.push(
    `│ Topics: ${analysis.topics.join(', ') || 'none'} · Sentiment: ${analysis.sentiment.toFixed(2)} · Engine: ${analysis.engine}`,
  );
  lines.push(`│ Priority reason: ${words(analysis.priorityReason)}`);
  lines.push(`│ Churn signals: ${churn}`);
  for (const hit of view.floor) lines.push(`│ Floor ${hit.priority}: ${hit.reason} ("${hit.phrase}")`);
  lines.push(`│ State: ${describeState(view)}`);
  lines.push(
    view.unmapped ? '└ [Map to account] [Claim] [Resolve]' : '└ [Claim] [Resolve] [Reassign] [Snooze]',
  );
  return `${lines.join('\n')}\n`;
}

/** One line: priority, account, team, summary — for the less urgent posts of a long replay. */
export function renderRoutedPostLine(view: RoutedPostView, where: string): string {
  const account = view.account?.name ?? 'Unmapped account';
  const first = view.messages[0];
  const who = first ? `${first.bodyRemovedAt ? REMOVED_NAME : first.author.name}: ` : '';
  const summary =
    view.analysis.summary === '' && view.wordsRemovedAt
      ? `(${retentionNotice('words', view.wordsRemovedAt)})`
      : view.analysis.summary;
  return `· ${view.priority} ${account} → ${view.team.name} [${where}] ${who}${summary}`;
}

export function renderNoteText(note: ThreadNote, where: string): string {
  const mentions = note.mentions.length > 0 ? `${note.mentions.map((id) => `@${id}`).join(' ')} ` : '';
  const header = `  ↳ [${where}] ${note.kind}: `;
  if (note.message) {
    const quoted = note.message.text.split('\n').map((line) => `    > ${line}`);
    return `${header}${note.message.author.name} wrote:\n${quoted.join('\n')}\n`;
  }
  return `${header}${mentions}${note.text}\n`;
}

function describeState(view: RoutedPostView): string {
  const change = view.lastChange
    ? ` (${view.lastChange.kind} by ${view.lastChange.actor.name ?? view.lastChange.actor.id} at ${formatTime(view.lastChange.at)})`
    : '';
  if (view.state === 'claimed' && view.claimedBy)
    return `claimed by ${view.claimedBy.name ?? view.claimedBy.id}${change}`;
  if (view.state === 'snoozed' && view.snoozedUntil)
    return `snoozed until ${formatTime(view.snoozedUntil)}${change}`;
  return `${view.state}${change}`;
}

function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
