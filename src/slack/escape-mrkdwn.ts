import { decodeEntities } from './decode-slack-text.ts';

/**
 * Makes plain text safe inside Slack `mrkdwn` and the top-level `text` fallback: `&`, `<`, `>`
 * become entities, as Slack requires (api.slack.com/reference/surfaces/formatting "escaping
 * text"). Every live token Slack knows — `<@U…>`, `<!here>`, `<!channel>`, `<!everyone>`,
 * `<!subteam^…>`, `<#C…>`, `<url|label>` — needs a literal `<`, so none can survive. Plain
 * `@here` words stay words because we post with `link_names: false`, `parse: 'none'` and mark
 * customer mrkdwn objects `verbatim: true`. `unescapeMrkdwn` gives the characters back exactly.
 */
export function escapeMrkdwn(plain: string): string {
  return plain.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function unescapeMrkdwn(escaped: string): string {
  return decodeEntities(escaped);
}
