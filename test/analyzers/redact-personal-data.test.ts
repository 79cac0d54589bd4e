import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidIban, passesLuhn, redactPersonalData } from '../../src/analyzers/redact-personal-data.ts';

/** Ordinary words (no digits, no @), Finnish included. */
const word = fc.constantFrom(
  'Hello',
  'the',
  'invoice',
  'is',
  'wrong',
  'again',
  'lasku',
  'on',
  'väärin',
  'Äänestys',
  'öljy',
  'please',
  'help',
  'ok',
  'Best',
  'regards',
  'Kiitos!',
  'why?',
  '(see',
  'above)',
  'v2',
  '—',
  '€',
  'e-mail',
);
const shortNumber = fc.oneof(
  fc.integer({ min: 0, max: 999_999 }).map(String),
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  fc
    .tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 2000, max: 2099 }),
    )
    .map(([day, month, year]) => `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([hour, minute]) => `${hour}:${String(minute).padStart(2, '0')}`),
  fc.integer({ min: 1, max: 99_999 }).map((amount) => `${amount},50 €`),
);
/** Words with at most one number between two words, so numbers never run together. */
const ordinaryText = fc
  .array(fc.tuple(word, fc.option(shortNumber, { freq: 3 })), { minLength: 1, maxLength: 30 })
  .map((pairs) => pairs.map(([w, n]) => (n === null ? w : `${w} ${n}`)).join(' '));

const context = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));

function withCheckDigit(payload: string): string {
  for (let digit = 0; digit <= 9; digit += 1) {
    if (passesLuhn(payload + digit)) return payload + digit;
  }
  throw new Error('unreachable');
}

const cardNumber = fc
  .integer({ min: 13, max: 19 })
  .chain((length) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - 1, maxLength: length - 1 }),
  )
  .map((digits) => withCheckDigit(digits.join('')));

const formattedCard = fc.tuple(cardNumber, fc.constantFrom('', ' ', '-')).map(([digits, separator]) => ({
  digits,
  printed: separator === '' ? digits : (digits.match(/.{1,4}/g) ?? []).join(separator),
}));

function ibanCheckDigits(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`;
  let remainder = 0;
  for (const char of rearranged) {
    const value = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return String(98 - remainder).padStart(2, '0');
}

const iban = fc
  .tuple(
    fc.constantFrom('FI', 'DE', 'GB', 'NL', 'FR', 'SE', 'ES', 'IT', 'BE', 'NO', 'EE'),
    fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('')), {
      minLength: 11,
      maxLength: 30,
    }),
    fc.boolean(),
  )
  .map(([country, chars, spaced]) => {
    const bban = chars.join('');
    const compact = `${country}${ibanCheckDigits(country, bban)}${bban}`;
    return { compact, printed: spaced ? (compact.match(/.{1,4}/g) ?? []).join(' ') : compact };
  });

describe('redactPersonalData', () => {
  it('never leaves an email address, whatever surrounds it', () => {
    fc.assert(
      fc.property(context, fc.emailAddress(), context, (before, email, after) => {
        const { text, redactions } = redactPersonalData(`${before} ${email} ${after}`);
        expect(text).not.toContain(email);
        expect(text).not.toMatch(/@[\p{L}\p{N}-]+\.[\p{L}\p{N}]/u);
        expect(text).toContain('[email]');
        expect(redactions).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('never leaves a valid IBAN, compact or grouped', () => {
    fc.assert(
      fc.property(context, iban, context, (before, { compact, printed }, after) => {
        expect(isValidIban(compact)).toBe(true);
        const { text } = redactPersonalData(`${before} ${printed} ${after}`);
        expect(text.replaceAll(' ', '')).not.toContain(compact);
        expect(text).toContain('[iban]');
      }),
    );
  });

  it('never leaves a Luhn-valid card number of 13–19 digits, whole or grouped', () => {
    fc.assert(
      fc.property(context, formattedCard, context, (before, { digits, printed }, after) => {
        const { text } = redactPersonalData(`${before} ${printed} ${after}`);
        expect(text.replace(/[ -]/g, '')).not.toContain(digits);
        expect(text).toContain('[card]');
      }),
    );
  });

  it('leaves ordinary text untouched: words, short numbers, dates, times and amounts', () => {
    fc.assert(
      fc.property(ordinaryText, (original) => {
        expect(redactPersonalData(original)).toEqual({ text: original, redactions: 0 });
      }),
    );
  });

  it.each([
    ['+358 40 123 4567', '[phone]'],
    ['+1-202-555-0143', '[phone]'],
    ['+358401234567', '[phone]'],
    ['040 123 4567', '[phone]'],
    ['040-1234567', '[phone]'],
    ['(09) 1234 5678', '[phone]'],
    ['(202) 555-0143', '[phone]'],
    ['202.555.0143', '[phone]'],
  ])('redacts the phone number %s', (phone, placeholder) => {
    expect(redactPersonalData(`Call me at ${phone} tomorrow.`).text).toBe(
      `Call me at ${placeholder} tomorrow.`,
    );
  });

  it('finds no name where a greeting meets a sign-off word (fast-check seed -1264481213)', () => {
    for (const text of ['Hello Kiitos! Hello', 'Hello Hello Kiitos! again', 'Hi Thanks, see above'])
      expect(redactPersonalData(text)).toEqual({ text, redactions: 0 });
    expect(redactPersonalData('Hi George Best,\nthe invoice is wrong').text).toBe(
      'Hi [name],\nthe invoice is wrong',
    );
  });

  it('keeps a following word after an IBAN that ends on a full group', () => {
    expect(redactPersonalData('Pay to BE68 5390 0754 7034 Best regards').text).toBe(
      'Pay to [iban] Best regards',
    );
  });

  it('redacts a card number followed by another number, and keeps the other number', () => {
    expect(redactPersonalData('card 4111 1111 1111 1111 12 times').text).toBe('card [card] 12 times');
  });

  it('leaves a 16-digit order number that fails the Luhn check', () => {
    expect(redactPersonalData('order 1234567812345678 shipped').text).toBe('order 1234567812345678 shipped');
  });

  it('counts every redaction', () => {
    const result = redactPersonalData('a@b.fi, c@d.com, +358 40 123 4567 and FI21 1234 5600 0007 85');
    expect(result).toEqual({ text: '[email], [email], [phone] and [iban]', redactions: 4 });
  });
});
