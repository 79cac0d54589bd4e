import { isOwnDomain } from '../core/resolve-account.ts';
import { type ForwardSplit, findForward } from './find-forward.ts';
import type { ForwardHop, Mailbox } from './parsed-email.ts';
import { splitQuotedText, trimBlankLines } from './split-quoted-text.ts';

/** Forwards of forwards deeper than this are left as text: real chains are two or three deep. */
const MAX_FORWARD_DEPTH = 8;

export interface Attribution {
  /** Who wrote `text`. */
  author: Mailbox | null;
  /** Staff member who forwarded the mail in (the envelope sender, when in our own domains). */
  forwardedBy: Mailbox | null;
  /** The hop whose body `text` comes from, or null when `text` is the envelope sender's own. */
  hop: ForwardHop | null;
  hops: ForwardHop[];
  text: string;
  quotedText: string | null;
}

/**
 * Decides whose words a mail carries. The body reads as t0 h0 t1 h1 … tn: each `t` is one sender's
 * text, each `h` a forward separator with its header block. The envelope sender wrote t0, the
 * sender named in h0 wrote t1, and so on.
 *
 * 1. Forwards by our own staff are unwrapped: a salesperson forwarding a customer's mail does not
 *    become its author; they are recorded as `forwardedBy`.
 * 2. The first sender outside our domains is the author, with their own words. A customer who
 *    forwards something with a note ("see below, still broken") wrote the note: the note is the
 *    text and what they forwarded is kept as quoted text (it may be our own mail, or a third
 *    party's, whose domain would credit the wrong account).
 * 3. A customer who forwards without a note passes the forwarded words on as theirs to read: the
 *    forwarded mail's sender becomes the author (unless that is our own staff).
 * Everything that is not the author's new text stays, in order, in `quotedText`.
 */
export function attributeForwardChain(input: {
  envelopeFrom: Mailbox | null;
  body: string;
  subject: string | null;
  ownDomains: readonly string[];
}): Attribution {
  const splits: ForwardSplit[] = [];
  const texts = [input.body];
  let subject = input.subject;
  while (splits.length < MAX_FORWARD_DEPTH) {
    const split = findForward(texts[texts.length - 1]!, subject);
    if (split === null) break;
    splits.push(split);
    texts[texts.length - 1] = split.note;
    texts.push(split.inner);
    subject = split.subject;
  }
  const senders = [input.envelopeFrom, ...splits.map((split) => split.from)];
  const isOwn = (sender: Mailbox | null | undefined) =>
    !!sender && isOwnDomain(input.ownDomains, sender.email);
  const last = splits.length;
  let level = 0;
  while (level < last && isOwn(senders[level])) level += 1;
  while (level < last && texts[level]!.trim() === '' && !isOwn(senders[level + 1])) level += 1;

  const own = splitQuotedText(texts[level]!);
  const pieces: string[] = [];
  for (let index = 0; index <= last; index += 1) {
    if (index === level) {
      if (own.quoted !== null) pieces.push(own.quoted);
    } else {
      pieces.push(texts[index]!);
    }
    if (index < last) pieces.push(splits[index]!.header);
  }
  const quoted = pieces.map(trimBlankLines).filter((piece) => piece !== '');
  const hops = splits.map(({ from, date, subject: hopSubject }) => ({ from, date, subject: hopSubject }));
  return {
    author: senders[level] ?? null,
    forwardedBy: level > 0 && isOwn(input.envelopeFrom) ? input.envelopeFrom : null,
    hop: level > 0 ? hops[level - 1]! : null,
    hops,
    text: own.text,
    quotedText: quoted.length > 0 ? quoted.join('\n\n') : null,
  };
}
