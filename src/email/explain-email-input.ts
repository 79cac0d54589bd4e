import type { CustomerMessageInput } from '../core/customer-message.ts';
import type { Account } from '../core/directory.ts';
import { parseEmail } from './parse-email.ts';
import { toCustomerMessage } from './to-customer-message.ts';

/**
 * `verbatim explain message.eml`: the mail as email ingestion would hand it to the pipeline, with
 * the original customer as author, `forwardedBy` (null unless our staff forwarded it), the
 * original subject and the account from the author's domain.
 */
export async function readExplainInputFromEml(
  raw: Uint8Array,
  options: { accounts: Account[]; ownDomains: string[]; now?: Date },
): Promise<{ ok: true; message: CustomerMessageInput } | { ok: false; reason: string }> {
  const parsed = await parseEmail(raw, { ownDomains: options.ownDomains });
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return {
    ok: true,
    message: toCustomerMessage(parsed.email, {
      accounts: options.accounts,
      ownDomains: options.ownDomains,
      conversation: 'email:explain',
      ...(options.now ? { receivedAt: options.now } : {}),
    }),
  };
}

/** Header field names of the first lines: `Name: value`, folded lines starting with a space or tab. */
const HEADER_LINE = /^(?:[!-9;-~]+:[^\r\n]*|[ \t][^\r\n]*)$/;

/**
 * True when the bytes start like an RFC 5322 message: a block of header fields (with a `From:`,
 * `Received:`, `Return-Path:`, `Message-ID:` or `MIME-Version:` among the first lines) before the
 * first blank line. Plain text that happens to start with `Note: …` does not count.
 */
export function looksLikeEmail(raw: Uint8Array): boolean {
  const head = Buffer.from(raw.subarray(0, 16 * 1024)).toString('latin1');
  const lines = head.split(/\r?\n/);
  const blank = lines.indexOf('');
  const block = lines.slice(0, blank === -1 ? lines.length : blank);
  if (block.length === 0 || /^[ \t]/.test(block[0]!)) return false;
  if (!block.slice(0, 200).every((line) => HEADER_LINE.test(line))) return false;
  return block.some((line) =>
    /^(?:from|received|return-path|message-id|mime-version|delivered-to):/i.test(line),
  );
}
