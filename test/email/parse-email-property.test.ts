import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../src/email/parse-email.ts';
import type { ParseEmailResult } from '../../src/email/parsed-email.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/email');
const OWN_DOMAINS = ['verbatim-demo.example'];
/** Mutating the multi-megabyte fixtures a hundred times would only test the disk. */
const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.eml') && statSync(join(FIXTURES, file)).size < 64 * 1024)
  .map((file) => readFileSync(join(FIXTURES, file)));

/**
 * "Nothing of the body is lost", made precise: the words of the decoded plain body (maximal runs
 * of non-whitespace, with `>` quote markers counted as whitespace because unwrapping a forward
 * removes one level of them) are, as a multiset, exactly the words of `text` plus `quotedText`.
 * Splitting may move words between the two and drop blank lines at the cut, never drop or invent
 * a word.
 */
function words(text: string | null): string[] {
  return (text ?? '')
    .replace(/>/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '')
    .sort();
}

function expectNothingLost(result: ParseEmailResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(result.reason).toMatch(/\S/);
    return;
  }
  const { body, text, quotedText } = result.email;
  expect([...words(text), ...words(quotedText)].sort()).toEqual(words(body));
}

describe('parseEmail on hostile input', () => {
  it('never throws on arbitrary bytes: it returns a message or a reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (bytes) => {
        expectNothingLost(await parseEmail(bytes, { ownDomains: OWN_DOMAINS, maxBytes: 1024 * 1024 }));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated fixtures, and loses no word of what it parses', async () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        bytes: fc.uint8Array({ maxLength: 64 }),
      }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
      fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        async (fixture, mutations) => {
          let bytes = Buffer.from(fixture);
          for (const change of mutations) {
            const at = change.at % (bytes.length + 1);
            if (change.kind === 'flip' && bytes.length > 0) bytes[at % bytes.length] = change.byte;
            if (change.kind === 'truncate') bytes = bytes.subarray(0, at);
            if (change.kind === 'insert')
              bytes = Buffer.concat([bytes.subarray(0, at), change.bytes, bytes.subarray(at)]);
            if (change.kind === 'delete')
              bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + change.length)]);
            if (change.kind === 'repeat') {
              const slice = bytes.subarray(at, at + change.length);
              bytes = Buffer.concat([bytes.subarray(0, at), slice, slice, bytes.subarray(at)]);
            }
          }
          expectNothingLost(await parseEmail(bytes, { ownDomains: OWN_DOMAINS }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps every word of bodies built from forward, quote and signature pieces', async () => {
    // Lines that steer the forward and quote detection, mixed with arbitrary text.
    const line = fc.oneof(
      fc.constantFrom(
        '---------- Forwarded message ---------',
        'From: Mark Ellison <mark.ellison@acme-logistics.example>',
        'From: Anna Virtanen <anna.virtanen@verbatim-demo.example>',
        'Lähettäjä: Liisa Korhonen <liisa.korhonen@pohjola-foods.example>',
        'Date: Tue, Jun 3, 2025 at 9:01 AM',
        'Sent: Tuesday, June 3, 2025 10:05 AM',
        'Subject: Late delivery',
        'Aihe: Lasku',
        'To: Anna Virtanen <anna.virtanen@verbatim-demo.example>',
        '________________________________',
        'Begin forwarded message:',
        '-------- Forwarded Message --------',
        'On Mon, Jun 2, 2025 at 4:01 PM Anna Virtanen <anna.virtanen@verbatim-demo.example> wrote:',
        'ma 2.6.2025 klo 15.20 Anna Virtanen (anna@verbatim-demo.example) kirjoitti:',
        '-----Original Message-----',
        '> quoted line',
        '>> deeper quoted line',
        '> From: Priya Shah <priya.shah@acme-logistics.example>',
        '-- ',
        'Best regards,',
        'Ystävällisin terveisin',
        'Thanks,',
        'Sent from my iPhone',
        '    indented line',
        '',
        '',
      ),
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 40 }),
        fc.constantFrom('Fwd: Late delivery', 'RE: Late delivery', 'VL: Lasku', 'Late delivery', 'VS: Lasku'),
        fc.constantFrom(
          'Anna Virtanen <anna.virtanen@verbatim-demo.example>',
          'Mark Ellison <mark.ellison@acme-logistics.example>',
        ),
        async (lines, subject, from) => {
          const body = lines.map((text) => text.replace(/[\r\n]/g, ' ')).join('\n');
          const raw = `From: ${from}\nTo: inbox@verbatim-demo.example\nSubject: ${subject}\nMessage-ID: <p@x.example>\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${body}\n`;
          const result = await parseEmail(raw, { ownDomains: OWN_DOMAINS });
          expect(result.ok).toBe(true);
          expectNothingLost(result);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the nothing-lost property on the fixture set', () => {
  it.each(readdirSync(FIXTURES).filter((file) => file.endsWith('.eml')))('holds for %s', async (file) => {
    expectNothingLost(await parseEmail(readFileSync(join(FIXTURES, file)), { ownDomains: OWN_DOMAINS }));
  });
});
