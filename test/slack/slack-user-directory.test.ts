import Keyv from 'keyv';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackWebClient } from '../../src/slack/create-slack-web-client.ts';
import { createSlackUserDirectory } from '../../src/slack/slack-user-directory.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-web-api.ts';

const logger = pino({ level: 'silent' });
let slack: FakeSlackApi;
beforeAll(async () => {
  slack = await startFakeSlackApi();
  slack.setUser('U0CUST001', {
    name: 'casey',
    real_name: 'Casey Customer',
    team_id: 'T0CUSTOMER',
    is_stranger: true,
    profile: { email: 'casey@acme.example' },
  });
  slack.setUser('U0GUEST', { name: 'gus', is_restricted: true });
});
afterAll(() => slack.close());

describe('createSlackUserDirectory', () => {
  it('reads users.info once for a burst of lookups and shares the answer through keyv', async () => {
    const keyv = new Keyv();
    const client = createSlackWebClient({
      token: slack.botToken,
      apiUrl: slack.url,
      purpose: 'listener',
      logger,
    });
    const users = createSlackUserDirectory({ client, keyv, logger });
    const [first] = await Promise.all([
      users.lookup('U0CUST001'),
      users.lookup('U0CUST001'),
      users.lookup('U0CUST001'),
    ]);
    expect(first).toEqual({
      id: 'U0CUST001',
      name: 'casey',
      teamId: 'T0CUSTOMER',
      email: 'casey@acme.example',
      isStranger: true,
      isGuest: false,
      isBot: false,
    });
    expect(slack.callsTo('users.info')).toHaveLength(1);
    // Another replica (fresh memory, same keyv) does not ask Slack again.
    const other = createSlackUserDirectory({ client, keyv, logger });
    expect((await other.lookup('U0CUST001'))?.isStranger).toBe(true);
    expect(slack.callsTo('users.info')).toHaveLength(1);
    expect((await users.lookup('U0GUEST'))?.isGuest).toBe(true);
  });

  it('returns null when Slack cannot answer, without caching the failure', async () => {
    const keyv = new Keyv();
    const client = createSlackWebClient({
      token: slack.botToken,
      apiUrl: slack.url,
      purpose: 'listener',
      logger,
    });
    const users = createSlackUserDirectory({ client, keyv, logger });
    slack.failNext('users.info', { status: 500 });
    expect(await users.lookup('U0CUST001')).toBeNull();
    expect(await users.lookup('U0CUST001')).not.toBeNull();
  });
});
