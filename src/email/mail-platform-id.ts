import { createHash } from 'node:crypto';
import { normalizeMessageId } from './normalize-message-id.ts';

/** Only this much of a mail is searched for its header block. */
const MAX_HEADER_BYTES = 256 * 1024;

/**
 * The inbox's idempotency key of a mail, read without parsing the mail (only the header block of
 * raw MIME, or the fields of Postmark's JSON): `msgid:<Message-ID> from:<sender address>` when
 * the mail has a Message-ID, else `sha256:<hash of the raw bytes>`.
 *
 * Why the sender is part of it: a Message-ID is chosen by the sender's software, and nothing stops
 * two senders (a broken mailer with a fixed id, or someone who copies a customer's id) from using
 * the same one. Keyed on the Message-ID alone, the second mail would be answered "duplicate" and
 * never stored: gone without a trace. With the sender in the key both are stored; every redelivery
 * of one mail (a provider's retry, the IMAP poller reading it again after a crash, the same mail by
 * webhook and by IMAP) has the same Message-ID and sender, so it is still stored once. Without a
 * Message-ID only identical bytes are recognised: a provider's retry and an IMAP re-read are
 * byte-identical; anything else is a different mail as far as the inbox can tell (ingest still
 * recognises a repeat by the content hash it gives mail without an id).
 *
 * `messageId` is the normalised Message-ID the message will carry once processed, when known.
 */
export function mailPlatformId(
  raw: Buffer,
  contentType: string,
): { platformId: string; messageId: string | null } {
  const identity = contentType.toLowerCase().startsWith('application/json')
    ? postmarkIdentity(raw)
    : contentType.toLowerCase().startsWith('message/rfc822')
      ? mimeIdentity(raw)
      : { messageId: null, from: null };
  if (identity.messageId === null) {
    return { platformId: `sha256:${createHash('sha256').update(raw).digest('hex')}`, messageId: null };
  }
  return {
    platformId: `msgid:${identity.messageId} from:${identity.from ?? '-'}`,
    messageId: identity.messageId,
  };
}

interface MailIdentity {
  messageId: string | null;
  from: string | null;
}

/** Message-ID and sender address from the header block of raw MIME (unfolded; first of each). */
export function mimeIdentity(raw: Buffer): MailIdentity {
  const head = raw.subarray(0, MAX_HEADER_BYTES).toString('latin1');
  const end = /\r?\n\r?\n/.exec(head);
  const lines = (end ? head.slice(0, end.index) : head).replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  const value = (name: string) =>
    lines
      .find((line) => line.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim() ?? null;
  return { messageId: normalizeMessageId(value('message-id')), from: senderAddress(value('from')) };
}

/** Postmark's JSON: the mail's own Message-ID header, else Postmark's id (as provider-payloads.ts does). */
function postmarkIdentity(raw: Buffer): MailIdentity {
  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString('utf8'));
  } catch {
    return { messageId: null, from: null };
  }
  if (typeof payload !== 'object' || payload === null) return { messageId: null, from: null };
  const mail = payload as Record<string, unknown>;
  const headers = Array.isArray(mail['Headers']) ? (mail['Headers'] as unknown[]) : [];
  const header = headers.find(
    (entry): entry is { Name: string; Value: string } =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as { Name?: unknown }).Name === 'string' &&
      (entry as { Name: string }).Name.toLowerCase() === 'message-id' &&
      typeof (entry as { Value?: unknown }).Value === 'string',
  );
  const postmarkId =
    typeof mail['MessageID'] === 'string' && mail['MessageID'] !== ''
      ? `<${mail['MessageID']}@postmark.invalid>`
      : null;
  const fromFull = mail['FromFull'] as { Email?: unknown } | undefined;
  const from =
    typeof fromFull?.Email === 'string'
      ? fromFull.Email
      : typeof mail['From'] === 'string'
        ? mail['From']
        : null;
  return { messageId: normalizeMessageId(header?.Value ?? postmarkId), from: senderAddress(from) };
}

/** The address of a From value (`Name <a@b>` or a bare address), lower-cased. */
function senderAddress(value: string | null): string | null {
  if (!value) return null;
  const address =
    /<\s*([^<>\s]+@[^<>\s]+)\s*>/.exec(value)?.[1] ?? /([^\s<>,;:"()]+@[^\s<>,;:"()]+)/.exec(value)?.[1];
  return address ? address.toLowerCase() : null;
}
