import { compile } from 'html-to-text';

/**
 * A Teams message's HTML (the `text/html` attachment or an HTML `text`) as plain verbatim text,
 * for people who read it elsewhere:
 * - `<at>Name</at>` and mention spans become `@Name` (a mention of someone, not a ping);
 * - emoji images keep their character (`alt`), other images are dropped (no words in them);
 * - links show their real target beside their text, `text (url)`, unless the text is the URL;
 * - no re-wrapping, no upper-cased headings; paragraphs and line breaks stay;
 * - `&nbsp;` (the Teams editor writes it after mentions and for typed double spaces) is a space.
 */
const convertHtml = compile({
  wordwrap: false,
  preserveNewlines: true,
  selectors: [
    { selector: 'at', format: 'mention' },
    { selector: 'span[itemtype="http://schema.skype.com/Mention"]', format: 'mention' },
    { selector: 'img', format: 'emojiImage' },
    { selector: 'a', format: 'honestLink' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'inline' },
    { selector: 'th', format: 'inline' },
  ],
  formatters: {
    mention(element, walk, builder) {
      builder.addInline('@');
      walk(element.children, builder);
    },
    emojiImage(element, _walk, builder) {
      const alt = element.attribs?.alt;
      if (alt) builder.addInline(alt);
    },
    honestLink(element, walk, builder) {
      const href = element.attribs?.href ?? '';
      walk(element.children, builder);
      const text = textOf(element);
      if (href && text.trim() !== href && `mailto:${text.trim()}` !== href) builder.addInline(` (${href})`);
    },
  },
});

function textOf(element: { children?: unknown[]; data?: string; type?: string }): string {
  if (element.type === 'text') return element.data ?? '';
  return (element.children ?? []).map((child) => textOf(child as typeof element)).join('');
}

export function teamsHtmlToText(html: string): string {
  return convertHtml(html).replaceAll('\u00a0', ' ');
}

/** True when a Teams `text` carries HTML rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(p|div|span|br|at|a|b|i|strong|em|img|ul|ol|li|blockquote|pre|code|table)\b/i.test(text);
}

/** Plain text of a message: `<at>` tags become `@Name`; HTML is converted; plain text stays exactly as sent. */
export function teamsMessageText(input: { text?: string | null; html?: string | null }): string {
  if (input.html) return teamsHtmlToText(input.html);
  const text = input.text ?? '';
  return looksLikeHtml(text) ? teamsHtmlToText(text) : text;
}
