/**
 * Slack wire text → the `rich_text` block a Slack client would have sent with it. Block text is
 * literal (no `&amp;` entities); mentions, broadcasts, links and emoji become their own elements.
 */
export function toRichTextBlocks(text: string, blockId: string): unknown[] {
  const elements: unknown[] = [];
  // Code fences become preformatted sections; everything else rich_text_section.
  const parts = text.split(/```\n?/);
  parts.forEach((part, index) => {
    if (part === '') return;
    if (index % 2 === 1) {
      elements.push({
        type: 'rich_text_preformatted',
        elements: [{ type: 'text', text: decodeEntities(part.replace(/\n$/, '')) }],
        border: 0,
      });
    } else {
      elements.push({ type: 'rich_text_section', elements: toInline(part) });
    }
  });
  return [{ type: 'rich_text', block_id: blockId, elements }];
}

const TOKEN =
  /<@([UW][A-Z0-9]+)>|<!(here|channel|everyone)>|<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>|:([a-z0-9_+-]*[a-z][a-z0-9_+-]*):/g;

function toInline(text: string): unknown[] {
  const out: unknown[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) out.push({ type: 'text', text: decodeEntities(text.slice(last, index)) });
    const [, user, broadcast, url, label, emoji] = match;
    if (user) out.push({ type: 'user', user_id: user });
    else if (broadcast) out.push({ type: 'broadcast', range: broadcast });
    else if (url)
      out.push(label ? { type: 'link', url, text: decodeEntities(label) } : { type: 'link', url });
    else if (emoji) out.push({ type: 'emoji', name: emoji });
    last = index + match[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: decodeEntities(text.slice(last)) });
  return out;
}

function decodeEntities(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
