import { compile } from 'html-to-text';

/**
 * HTML-only mail, converted for people who will read it in Slack or Teams:
 * - scripts, styles, `<head>` and images are dropped (images include 1×1 tracking pixels, and an
 *   image carries no words of the customer's);
 * - every link shows its real target beside its text, `text (url)`, so a link dressed up as
 *   `https://bank.example` that really points elsewhere cannot hide where it goes; a link whose text
 *   already is its URL is shown once;
 * - no re-wrapping and no upper-casing of headings: the words stay as the customer typed them;
 * - table cells become lines, since mail HTML uses tables for layout, not data.
 */
const MAX_DEPTH = 400;
const TOO_DEEP = '\u0000too-deep\u0000';
const INVISIBLE = new Set([
  'script',
  'style',
  'head',
  'title',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
]);
const BLOCK = new Set([
  'p',
  'div',
  'tr',
  'td',
  'th',
  'li',
  'table',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'hr',
  'ul',
  'ol',
]);

const convert = compile({
  wordwrap: false,
  selectors: [
    {
      selector: 'a',
      options: { linkBrackets: ['(', ')'], hideLinkHrefIfSameAsText: true, noAnchorUrl: true },
    },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'title', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'svg', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    { selector: 'object', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'block' },
    { selector: 'th', format: 'block' },
  ],
  // The converter walks the DOM recursively and overflows the stack past a few thousand levels.
  // Deeper content is replaced by a sentinel, and then the flattened HTML is converted instead.
  limits: { maxDepth: MAX_DEPTH, ellipsis: TOO_DEEP, maxInputLength: 64_000_000 },
});

export function htmlToPlainText(html: string): string {
  const text = convert(html);
  return text.includes(TOO_DEEP) ? convert(flattenHtml(html)) : text;
}

/**
 * One linear pass that keeps the words, links and line breaks of HTML nested too deep to walk:
 * invisible elements are cut with their content, block elements become `<br>`, anchors stay (so
 * their targets are still shown) and every other tag goes.
 */
export function flattenHtml(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) {
      out += html.slice(at);
      break;
    }
    out += html.slice(at, open);
    const close = html.indexOf('>', open);
    if (close === -1) {
      out += html.slice(open).replaceAll('<', '&lt;');
      break;
    }
    const tag = html.slice(open, close + 1);
    const name = /^<\/?([a-z][a-z0-9]*)/i.exec(tag)?.[1]?.toLowerCase() ?? '';
    at = close + 1;
    if (INVISIBLE.has(name) && !tag.startsWith('</')) {
      const end = lower.indexOf(`</${name}`, at);
      at = end === -1 ? html.length : lower.indexOf('>', end) + 1 || html.length;
    } else if (name === 'a' || name === 'br') {
      out += tag;
    } else if (BLOCK.has(name) && !out.endsWith('<br>')) {
      out += '<br>';
    }
  }
  return out;
}
