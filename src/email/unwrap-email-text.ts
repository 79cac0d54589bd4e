import { attributeForwardChain } from './attribute-forward-chain.ts';

export interface UnwrapEmailTextInput {
  from: { name: string; email: string };
  subject: string | null;
  /** The email's plain text as another platform delivered it (an email sent into Slack). */
  text: string;
}

export interface UnwrappedEmailText {
  author: { name: string; email: string };
  text: string;
  quotedText: string | null;
  forwardedBy: { name: string; email: string } | null;
  subject: string | null;
}

/**
 * The text of an email that reached us through another platform (Slack's "email into a channel"),
 * unwrapped the way email ingestion does it: a staff forward is credited to the original customer
 * with the forwarder as `forwardedBy`, and quoted chains and signatures go to `quotedText`.
 * `ownDomains` is bound first: `createUnwrapEmailText(directory.ownDomains)` is
 * AdapterContext.unwrapEmailText.
 */
export function createUnwrapEmailText(
  ownDomains: string[],
): (input: UnwrapEmailTextInput) => UnwrappedEmailText {
  return (input) => {
    const envelopeFrom =
      input.from.email === '' ? null : { name: input.from.name, email: input.from.email.toLowerCase() };
    const attribution = attributeForwardChain({
      envelopeFrom,
      body: input.text.replace(/\r\n?/g, '\n'),
      subject: input.subject,
      ownDomains,
    });
    const author = attribution.author ?? envelopeFrom;
    return {
      author: author ? { name: author.name.trim() || author.email, email: author.email } : input.from,
      text: attribution.text,
      quotedText: attribution.quotedText,
      forwardedBy: attribution.forwardedBy
        ? {
            name: attribution.forwardedBy.name.trim() || attribution.forwardedBy.email,
            email: attribution.forwardedBy.email,
          }
        : null,
      subject: attribution.hop ? (attribution.hop.subject ?? input.subject) : input.subject,
    };
  };
}
