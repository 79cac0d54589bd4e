/**
 * Turns Slack's wire format (`event.text`) into the characters the customer saw, so the stored
 * message is platform-neutral and can be shown safely anywhere (Slack, Teams, console).
 *
 * Slack sends mentions and links as `<…>` tokens and escapes `&`, `<`, `>` as entities
 * (api.slack.com/reference/surfaces/formatting). Reposting that text as-is would re-trigger
 * `<!here>` and user pings in our workspace, so every token becomes plain text here:
 * - `<@U123>` / `<@U123|ann>` → `@Ann` (name from `names`, else the label, else the id)
 * - `<#C123|general>` → `#general`; `<!subteam^S1|@devs>` → `@devs`
 * - `<!here>`, `<!channel>`, `<!everyone>` → `@here`, `@channel`, `@everyone`
 * - `<!date^…|fallback>` → the fallback text
 * - `<https://a>` → `https://a`; a link whose label is not its target is shown honestly as
 *   `label (https://real-target)`, so `<https://evil.example|bank.example>` cannot disguise itself.
 */

export interface SlackNames {
  /** Display names by user id, for `<@U…>` mentions. */
  users?: ReadonlyMap<string, string>;
  /** Channel names by id, for `<#C…>` mentions without a label. */
  channels?: ReadonlyMap<string, string>;
}

const TOKEN = /<([^<>]*)>/g;

export function decodeSlackText(wire: string, names: SlackNames = {}): string {
  let plain = '';
  let last = 0;
  for (const match of wire.matchAll(TOKEN)) {
    plain += decodeEntities(wire.slice(last, match.index));
    plain += decodeToken(match[1] ?? '', names);
    last = match.index + match[0].length;
  }
  return plain + decodeEntities(wire.slice(last));
}

/** The user ids mentioned as `<@U…>` in wire text, for looking their names up. */
export function findMentionedUsers(wire: string): string[] {
  return [...new Set([...wire.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>/g)].map((match) => match[1] ?? ''))];
}

function decodeToken(inner: string, names: SlackNames): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? null : decodeEntities(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `@${names.users?.get(id) ?? label ?? id}`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return `#${label ?? names.channels?.get(id) ?? id}`;
  }
  if (target.startsWith('!')) return decodeSpecial(target.slice(1), label);
  return decodeLink(decodeEntities(target), label);
}

function decodeSpecial(command: string, label: string | null): string {
  const [name = '', id] = command.split('^');
  if (name === 'here' || name === 'channel' || name === 'everyone') return `@${name}`;
  if (name === 'subteam') return label ? (label.startsWith('@') ? label : `@${label}`) : `@${id ?? 'group'}`;
  if (label !== null) return label;
  return name;
}

function decodeLink(url: string, label: string | null): string {
  if (label === null || label === '') return stripMailto(url);
  const shown = stripMailto(url);
  if (sameTarget(label, shown)) return label;
  return `${label} (${shown})`;
}

function stripMailto(url: string): string {
  return url.startsWith('mailto:') ? url.slice('mailto:'.length) : url;
}

/** Slack often labels a link with its own URL minus the scheme; that is not a disguise. */
function sameTarget(label: string, url: string): boolean {
  const bare = (value: string) => value.replace(/^[a-z]+:\/\//i, '').replace(/\/$/, '');
  return label === url || bare(label) === bare(url);
}

/** Slack escapes exactly these three characters (`&amp;` last, so `&amp;lt;` stays `&lt;`). */
export function decodeEntities(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
