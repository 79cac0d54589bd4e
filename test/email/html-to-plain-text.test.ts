import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../../src/email/html-to-plain-text.ts';

describe('htmlToPlainText', () => {
  it('drops scripts, styles, the head and tracking pixels', () => {
    const text = htmlToPlainText(
      '<html><head><title>Hi</title><style>p{color:red}</style><script>steal()</script></head><body><p>Order 5 is late.</p><script>alert(1)</script><img src="https://track.example/o.gif" width="1" height="1"></body></html>',
    );
    expect(text).toBe('Order 5 is late.');
  });

  it('shows where a disguised link really goes', () => {
    expect(
      htmlToPlainText('<p>Log in at <a href="http://phish.example/login">https://bank.example</a></p>'),
    ).toBe('Log in at https://bank.example (http://phish.example/login)');
  });

  it('shows a plain link once', () => {
    expect(htmlToPlainText('<a href="https://docs.example/">https://docs.example/</a>')).toBe(
      'https://docs.example/',
    );
  });

  it('keeps the customer’s casing and line lengths (no upper-cased headings, no re-wrapping)', () => {
    const long = 'word '.repeat(40).trim();
    expect(htmlToPlainText(`<h1>Urgent</h1><p>${long}</p>`)).toBe(`Urgent\n\n${long}`);
  });

  it('turns blockquotes into > quotes so replies can be split', () => {
    expect(htmlToPlainText('<p>No.</p><blockquote>Is it fixed?</blockquote>')).toBe('No.\n\n> Is it fixed?');
  });

  it('flattens HTML nested too deep to walk, keeping its words and link targets', () => {
    const deep = `${'<div>'.repeat(20_000)}deep words <a href="http://evil.example">here</a><script>x()</script>${'</div>'.repeat(20_000)}`;
    const text = htmlToPlainText(deep);
    expect(text).toContain('deep words here (http://evil.example)');
    expect(text).not.toContain('x()');
  });
});
