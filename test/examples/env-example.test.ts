import { readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../../src/config/env-schema.ts';

const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
const SECRETS = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'TEAMS_CLIENT_SECRET',
  'ANTHROPIC_API_KEY',
  'EMAIL_WEBHOOK_SECRET',
  'MAILGUN_WEBHOOK_SIGNING_KEY',
  'EMAIL_BASIC_AUTH',
  'IMAP_URL',
  'DATABASE_URL',
];

describe('.env.example', () => {
  it('mentions every variable of the env schema, set or as a commented default', () => {
    for (const name of Object.keys(EnvSchema.shape)) {
      expect(text, name).toMatch(new RegExp(`^(# )?${name}=`, 'm'));
    }
  });

  it('names no variable the schema does not know', () => {
    const known = new Set(Object.keys(EnvSchema.shape));
    const mentioned = [...text.matchAll(/^(?:# )?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(mentioned.filter((name) => !known.has(name ?? ''))).toEqual([]);
  });

  it('leaves every secret empty and validates as a whole, with every adapter off', () => {
    const values = parseDotenv(text);
    for (const name of SECRETS) expect(values[name] ?? '', name).toBe('');
    const env = EnvSchema.parse(values);
    expect(env.SLACK_BOT_TOKEN).toBeUndefined();
    expect(env.TEAMS_CLIENT_ID).toBeUndefined();
    expect(env.ANTHROPIC_API_KEY).toBeUndefined();
    expect(env.IMAP_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });
});
