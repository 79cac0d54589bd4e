import type { TextRun } from './adaptive-card.ts';

/** U+2060 WORD JOINER: invisible, keeps every character the customer wrote, breaks the markup. */
const JOINER = '\u2060';

/**
 * Makes untrusted text inert in a Teams message or card without dropping a character:
 * - `<at>…</at>` would become a real mention when the activity carries a mention entity with the
 *   same text, so the tag is broken with an invisible joiner (`<⁠at>`);
 * - HTML tags (`<a href>`, `<img>`, `<span itemtype=…Mention>`) are broken the same way, so a
 *   disguised link or spoofed mention shows as the text it is.
 * Card text goes into TextRun elements, which Adaptive Cards never parse as markdown, so `[x](y)`
 * links, `**bold**` and lists already show literally; see routed-post-card.ts.
 */
export function neutralizeTeamsText(text: string): string {
  return text.replace(/<(?=[/!?a-zA-Z])/g, `<${JOINER}`);
}

/** Neutralised text for a plain-text message activity or notification preview (`summary`), whose
 *  markdown Teams does render: markdown syntax characters are escaped with a backslash too. */
export function neutralizeTeamsMarkdown(text: string): string {
  return neutralizeTeamsText(text).replace(/([\\`*_[\]()#+\-!|~>])/g, '\\$1');
}

/** A card TextRun of untrusted text, made inert (TextRuns are never parsed as markdown). */
export function inertRun(text: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun {
  return { type: 'TextRun', text: neutralizeTeamsText(text), ...style };
}
