/**
 * Rewrites Slack `rich_text` so nothing in it can ping or disguise a link: `user`, `usergroup`,
 * `broadcast` (here/channel/everyone), `team` and `channel` elements become plain `text`
 * elements, and a `link` whose label differs from its target is shown as `label (target)`.
 * Formatting (`style`), emoji and structure (sections, lists, quotes, code) are kept.
 * (node-slack-sdk packages/types/src/block-kit/block-elements.ts lists the element kinds.)
 */

export interface RichTextNames {
  users?: ReadonlyMap<string, string>;
  channels?: ReadonlyMap<string, string>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function neutralizeRichText(blocks: unknown[], names: RichTextNames = {}): Json[] {
  return blocks.filter(isObject).map((block) => neutralizeNode(block, names));
}

function neutralizeNode(node: Json, names: RichTextNames): Json {
  const style = isObject(node['style']) ? { style: node['style'] } : {};
  switch (node['type']) {
    case 'user': {
      const id = String(node['user_id'] ?? '');
      return { type: 'text', text: `@${names.users?.get(id) ?? id}`, ...style };
    }
    case 'usergroup':
      return { type: 'text', text: `@${String(node['usergroup_id'] ?? 'group')}`, ...style };
    case 'broadcast':
      return { type: 'text', text: `@${String(node['range'] ?? 'here')}`, ...style };
    case 'team':
      return { type: 'text', text: `@${String(node['team_id'] ?? 'team')}`, ...style };
    case 'channel': {
      const id = String(node['channel_id'] ?? '');
      return { type: 'text', text: `#${names.channels?.get(id) ?? id}`, ...style };
    }
    case 'link': {
      const url = String(node['url'] ?? '');
      const label = typeof node['text'] === 'string' ? node['text'] : '';
      if (label === '' || label === url) return { type: 'link', url, ...style };
      return { type: 'text', text: `${label} (${url})`, ...style };
    }
    default: {
      const elements = node['elements'];
      if (!Array.isArray(elements)) return { ...node };
      return { ...node, elements: elements.filter(isObject).map((child) => neutralizeNode(child, names)) };
    }
  }
}

/** The characters a rich_text tree shows, in order (links as their label or URL, emoji as `:name:`). */
export function richTextToPlain(blocks: unknown[]): string {
  let out = '';
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (!isObject(node)) return;
    switch (node['type']) {
      case 'text':
        out += String(node['text'] ?? '');
        return;
      case 'link':
        out +=
          typeof node['text'] === 'string' && node['text'] !== '' ? node['text'] : String(node['url'] ?? '');
        return;
      case 'emoji':
        out += `:${String(node['name'] ?? '')}:`;
        return;
      default:
        visit(node['elements']);
    }
  };
  visit(blocks);
  return out;
}
