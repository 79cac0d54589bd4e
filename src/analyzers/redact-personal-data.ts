import { redactPersonNames } from './redact-person-names.ts';

/**
 * Replaces personal data in text that is about to leave for an LLM API with typed placeholders
 * (`[name]` after greetings and under sign-offs, `[email]`, `[iban]`, `[card]`, `[phone]`). Only the copy sent to the API is redacted; the relay
 * to the team is always verbatim.
 *
 * Order matters: emails first (they may contain digits), then IBANs (mod-97 checked), then
 * card-like numbers (Luhn checked), then phone numbers, so a longer, more specific match is never
 * split by a looser one.
 */
export function redactPersonalData(text: string): { text: string; redactions: number } {
  const named = redactPersonNames(text);
  const rest = redactNumbersAndAddresses(named.text);
  return { text: rest.text, redactions: named.redactions + rest.redactions };
}

function redactNumbersAndAddresses(text: string): { text: string; redactions: number } {
  let redactions = 0;
  const count = (placeholder: string) => {
    redactions += 1;
    return placeholder;
  };

  let result = text.replace(EMAIL, () => count('[email]'));
  result = result.replace(IBAN_CANDIDATE, (candidate) => redactIban(candidate, () => count('[iban]')));
  result = result.replace(DIGIT_RUN, (run) => redactCards(run, () => count('[card]')));
  for (const phone of PHONES) {
    result = result.replace(phone, (match) => (isPhoneLength(match) ? count('[phone]') : match));
  }
  return { text: result, redactions };
}

/**
 * Local part: the RFC 5322 atom characters plus dots; domain: two or more labels of letters,
 * digits and inner hyphens (Unicode letters included, for internationalised addresses).
 */
const EMAIL =
  /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+/gu;

/**
 * An IBAN as printed: country code, two check digits, then the BBAN in groups of four separated by
 * single spaces (or not separated), the last group 1–4 characters. 15–34 characters in all.
 */
const IBAN_CANDIDATE =
  /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?(?![\p{L}\p{N}])/gu;

/**
 * A candidate may have swallowed a following word of four letters ("… 7034 Best"), so trailing
 * groups are dropped until the mod-97 check passes or the rest is too short to be an IBAN.
 */
function redactIban(candidate: string, placeholder: () => string): string {
  const groups = candidate.split(' ');
  for (let end = groups.length; end >= 1; end -= 1) {
    const prefix = groups.slice(0, end).join(' ');
    if (isValidIban(prefix.replaceAll(' ', ''))) {
      return placeholder() + candidate.slice(prefix.length);
    }
  }
  return candidate;
}

/** ISO 13616 check: move the first four characters to the end, letters → 10…35, mod 97 = 1. */
export function isValidIban(compact: string): boolean {
  if (compact.length < 15 || compact.length > 34) return false;
  if (!/^[A-Za-z]{2}\d{2}[A-Za-z0-9]+$/.test(compact)) return false;
  const rearranged = (compact.slice(4) + compact.slice(0, 4)).toUpperCase();
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** Digits separated by at most one space or hyphen, not glued to letters (ids like `INV123…`). */
const DIGIT_RUN = /(?<![\p{L}\p{N}])\d+(?:[ -]\d+)*(?![\p{L}\p{N}])/gu;

/**
 * A card number is 13–19 digits that pass the Luhn check, printed whole or in groups. A run may
 * hold a card followed by another number ("4111 1111 1111 1111 12"), so group-aligned spans are
 * tried, longest first from each starting group.
 */
function redactCards(run: string, placeholder: () => string): string {
  const parts = run.split(/([ -])/); // digits, separator, digits, separator, …
  const groups = parts.filter((_, index) => index % 2 === 0);
  const out: string[] = [];
  let start = 0;
  while (start < groups.length) {
    const end = longestCardSpanEnd(groups, start);
    out.push(start > 0 ? (parts[start * 2 - 1] ?? '') : '');
    out.push(end >= 0 ? placeholder() : (groups[start] ?? ''));
    start = end >= 0 ? end + 1 : start + 1;
  }
  return out.join('');
}

/** Index of the last group of the longest Luhn-valid 13–19 digit span starting at `start`, or −1. */
function longestCardSpanEnd(groups: string[], start: number): number {
  let digits = '';
  let found = -1;
  for (let end = start; end < groups.length && digits.length <= 19; end += 1) {
    digits += groups[end] ?? '';
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) found = end;
  }
  return found;
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = Number(digits[index]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Phone numbers in the shapes customers write them. Deliberately narrow so dates (`2026-11-20`),
 * times, amounts and short order numbers stay intact:
 * - international: `+` and 8–15 digits in groups (`+358 40 123 4567`, `+1-202-555-0143`);
 * - national with a trunk zero: `040 123 4567`, `(09) 1234 5678`, `040-1234567`;
 * - North American: `(202) 555-0143`, `202-555-0143`, `202.555.0143`.
 */
const PHONES = [
  /(?<![\p{L}\p{N}+])\+\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){2,6}(?![\p{L}\p{N}])/gu,
  // No dots here: `05.12.2026` is a Finnish date, not a phone number.
  /(?<![\p{L}\p{N}])\(?0\d{1,4}\)?(?:[ -]?\d{2,5}){1,4}(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])\(?[2-9]\d{2}\)?[ .-]?\d{3}[ .-]\d{4}(?![\p{L}\p{N}])/gu,
];

/** A match only counts when it holds a phone-like number of digits: 7–15 (8–15 after a `+`). */
function isPhoneLength(match: string): boolean {
  const digitCount = match.replace(/\D/g, '').length;
  return digitCount >= (match.startsWith('+') ? 8 : 7) && digitCount <= 15;
}
