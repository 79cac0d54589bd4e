import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEmail } from '../../src/email/parse-email.ts';
import { toCustomerMessage } from '../../src/email/to-customer-message.ts';
import { FIXTURE_ACCOUNTS } from './fixture-accounts.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/email');
const OWN_DOMAINS = ['verbatim-demo.example'];
const MAX_BYTES = 10 * 1024 * 1024;

/** One row of expected.json; optional fields tighten the check for the fixtures that need it. */
const ExpectationSchema = z.strictObject({
  ok: z.boolean(),
  originalSender: z.string().nullable(),
  forwardedBy: z.string().nullable(),
  textIncludes: z.string().nullable(),
  textIncludesAll: z.array(z.string()).optional(),
  textExcludes: z.array(z.string()).optional(),
  quotedIncludes: z.array(z.string()).optional(),
  bodyExcludes: z.array(z.string()).optional(),
  bodySource: z.enum(['text', 'html', 'none']).optional(),
  originalSubject: z.string().optional(),
  originalSentAt: z.string().optional(),
  subject: z.string().optional(),
  senderName: z.string().optional(),
  language: z.string().optional(),
  hops: z.number().optional(),
  attachments: z
    .array(z.object({ name: z.string(), mimeType: z.string(), sizeBytes: z.number() }))
    .optional(),
  attachmentNames: z.array(z.string()).optional(),
  noReplacementChar: z.boolean().optional(),
  warning: z.string().optional(),
  synthesisedId: z.boolean().optional(),
  noDate: z.boolean().optional(),
  accountId: z.string().nullable().optional(),
  thread: z.string().optional(),
  references: z.array(z.string()).optional(),
});
type Expectation = z.infer<typeof ExpectationSchema>;

const expected = z
  .record(z.string(), ExpectationSchema)
  .parse(JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')));
const files = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.eml'))
  .sort();

const accounts = FIXTURE_ACCOUNTS;

describe('the email fixture set', () => {
  it('has at least 60 messages, each with an expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it.each(files)('%s parses as expected', async (file) => {
    const want = expected[file]!;
    const result = await parseEmail(readFileSync(join(FIXTURES, file)), {
      ownDomains: OWN_DOMAINS,
      maxBytes: MAX_BYTES,
    });
    if (!want.ok) {
      expect(result.ok, 'should be refused with a reason').toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
      return;
    }
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    const { email, warnings } = result;
    expect(email.originalSender?.email ?? null).toBe(want.originalSender);
    expect(email.forwardedBy?.email ?? null).toBe(want.forwardedBy);
    if (want.textIncludes !== null) expect(email.text).toContain(want.textIncludes);
    for (const part of want.textIncludesAll ?? []) expect(email.text).toContain(part);
    for (const part of want.textExcludes ?? []) expect(email.text).not.toContain(part);
    for (const part of want.quotedIncludes ?? []) expect(email.quotedText ?? '').toContain(part);
    for (const part of want.bodyExcludes ?? []) expect(email.body).not.toContain(part);
    checkDetails(want, email, warnings);
  });
});

function checkDetails(
  want: Expectation,
  email: Awaited<ReturnType<typeof parseEmail>> extends infer R
    ? R extends { ok: true; email: infer E }
      ? E
      : never
    : never,
  warnings: string[],
): void {
  if (want.bodySource) expect(email.bodySource).toBe(want.bodySource);
  if (want.originalSubject) expect(email.originalSubject).toBe(want.originalSubject);
  if (want.originalSentAt) expect(email.originalSentAt?.toISOString()).toBe(want.originalSentAt);
  if (want.subject) expect(email.subject).toBe(want.subject);
  if (want.senderName) expect(email.originalSender?.name).toBe(want.senderName);
  if (want.language) expect(email.language).toBe(want.language);
  if (want.hops !== undefined) expect(email.forwards).toHaveLength(want.hops);
  if (want.attachments) expect(email.attachments).toEqual(want.attachments);
  if (want.attachmentNames)
    expect(email.attachments.map((attachment) => attachment.name)).toEqual(want.attachmentNames);
  if (want.noReplacementChar) expect(email.body).not.toContain('\uFFFD');
  if (want.warning) expect(warnings.join('\n')).toContain(want.warning);
  if (want.synthesisedId) {
    expect(email.messageIdSynthesised).toBe(true);
    expect(email.messageId).toMatch(/^[0-9a-f]{32}@synthesised\.verbatim\.invalid$/);
  }
  if (want.noDate) expect(email.date).toBeNull();
  if (want.references) expect(email.references).toEqual(want.references);
  const message = toCustomerMessage(email, {
    accounts,
    ownDomains: OWN_DOMAINS,
    conversation: 'email:inbound',
  });
  if (want.accountId !== undefined) expect(message.accountId).toBe(want.accountId);
  if (want.thread) expect(message.thread).toBe(`email:${want.thread}`);
}

describe('parsing a fixture twice', () => {
  it('gives the same id and the same split (the id is an idempotency key)', async () => {
    const raw = readFileSync(join(FIXTURES, 'missing-message-id.eml'));
    const first = await parseEmail(raw, { ownDomains: OWN_DOMAINS });
    const second = await parseEmail(Buffer.from(raw), { ownDomains: OWN_DOMAINS });
    expect(first).toEqual(second);
  });
});

describe('limits', () => {
  it('refuses a message with more than 1000 MIME parts with a reason instead of parsing on', async () => {
    const parts = Array.from(
      { length: 1100 },
      (_, index) => `--b\nContent-Type: text/plain\n\npart ${index}\n`,
    ).join('');
    const raw = `From: a@acme-logistics.example\nSubject: x\nContent-Type: multipart/mixed; boundary=b\n\n${parts}--b--\n`;
    expect(await parseEmail(raw, { ownDomains: OWN_DOMAINS })).toEqual({
      ok: false,
      reason: 'malformed MIME: Max allowed child nodes exceeded',
    });
  });

  it('refuses a message over maxBytes before parsing it, saying how big it was', async () => {
    const raw = readFileSync(join(FIXTURES, 'five-megabyte-body.eml'));
    const result = await parseEmail(raw, { ownDomains: OWN_DOMAINS, maxBytes: 1024 * 1024 });
    expect(result).toEqual({
      ok: false,
      reason: `message is ${raw.length} bytes, over the limit of 1048576 bytes`,
    });
  });
});
