import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/create-logger.ts';

function memoryStream() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { stream, text: () => lines.join('') };
}

const secrets = {
  bot: 'xoxb-1234567890-abcdefghijkl',
  app: 'xapp-1-A0123-456-abcdef',
  signing: 'f00dfacecafebeef0123456789abcdef',
  anthropic: 'sk-ant-api03-secretsecretsecret',
  email: 'hmac-shared-secret-42',
};

describe('logs', () => {
  it('never contain tokens, secrets, response URLs or email addresses, wherever they appear', () => {
    const memory = memoryStream();
    const logger = createLogger({
      level: 'debug',
      destination: memory.stream,
      secrets: Object.values(secrets),
    });
    logger.info({ token: secrets.bot, signingSecret: secrets.signing }, 'starting');
    logger.info({ config: { apiKey: secrets.anthropic } }, 'config');
    logger.warn(
      { err: new Error(`call failed with token ${secrets.bot} and ${secrets.app}`) },
      'slack error',
    );
    logger.info({ response_url: 'https://hooks.slack.com/commands/T1/123/abc' }, 'command');
    logger.info({ url: 'https://hooks.slack.com/actions/T1/456/def' }, 'action');
    logger.info({ author: { email: 'matti.virtanen@pohjola-foods.example' } }, 'message from a customer');
    logger.debug(`inbound mail from anna@acme-logistics.example signed with ${secrets.email}`);
    logger.info({ headers: { authorization: `Bearer ${secrets.anthropic}` } }, 'request');
    logger.info({ note: 'Authorization: Basic dXNlcjpwYXNzd29yZA==' }, 'basic auth');
    const text = memory.text();
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    expect(text).not.toContain('hooks.slack.com');
    expect(text).not.toContain('pohjola-foods.example');
    expect(text).not.toContain('acme-logistics.example');
    expect(text).not.toContain('dXNlcjpwYXNzd29yZA==');
    expect(text).toContain('slack error');
    expect(
      text
        .split('\n')
        .filter(Boolean)
        .every((line) => JSON.parse(line)),
    ).toBe(true);
  });
});
