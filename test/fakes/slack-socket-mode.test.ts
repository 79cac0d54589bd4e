import { readFile } from 'node:fs/promises';
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type FakeSlack, startFakeSlack } from './slack-fake.ts';
import { startFakeSocketMode } from './slack-socket-mode.ts';
import { createSlackTestLogger } from './slack-test-logger.ts';

const fixture = async (name: string) =>
  JSON.parse(await readFile(new URL(`./slack-fixtures/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

let slack: FakeSlack | undefined;
let app: App | undefined;

afterEach(async () => {
  await app?.stop();
  await slack?.close();
  app = undefined;
  slack = undefined;
});

async function startApp(configure: (app: App) => void = () => {}): Promise<{ slack: FakeSlack; app: App }> {
  slack = await startFakeSlack();
  app = new App(slack.boltOptions());
  configure(app);
  await app.start();
  return { slack, app };
}

describe('fake Socket Mode with a real Bolt App', () => {
  it('connects through apps.connections.open with the app token and says hello', async () => {
    const { slack } = await startApp();
    await slack.socketMode.waitForConnection();
    expect(slack.socketMode.connections).toBe(1);
    const open = slack.api.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(slack.api.appToken);
    expect(open[0]?.response).toMatchObject({
      ok: true,
      url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/),
    });
    expect(slack.api.callsTo('auth.test')[0]?.token).toBe(slack.api.botToken);
  });

  it('delivers an events_api message envelope that Bolt acks and hands to the listener', async () => {
    const seen: Array<{ text: unknown; retryNum: unknown; retryReason: unknown }> = [];
    const { slack } = await startApp((app) =>
      app.message(async ({ message, context, say }) => {
        seen.push({
          text: 'text' in message ? message.text : undefined,
          retryNum: context.retryNum,
          retryReason: context.retryReason,
        });
        await say('routed');
      }),
    );
    const body = await fixture('message-event.json');

    const ack = await slack.socketMode.deliver('events_api', body, {
      retryAttempt: 1,
      retryReason: 'timeout',
    });
    expect(ack).toEqual({});
    await expect.poll(() => slack.api.messages('C043YJGBY49').length).toBe(1);
    expect(seen).toEqual([{ text: 'dgsfklsdgf', retryNum: 1, retryReason: 'timeout' }]);
    expect(slack.api.messages('C043YJGBY49')[0]?.text).toBe('routed');
    expect(slack.socketMode.acks).toHaveLength(1);
  });

  it('resolves a slash command with the payload the listener passed to ack()', async () => {
    const commands: string[] = [];
    const { slack } = await startApp((app) =>
      app.command('/test-feedback', async ({ command, ack }) => {
        commands.push(command.text);
        await ack({ response_type: 'ephemeral', text: `Looking up ${command.text}…` });
      }),
    );
    const ack = await slack.socketMode.deliver('slash_commands', await fixture('slash-command.json'));
    expect(ack).toEqual({ response_type: 'ephemeral', text: 'Looking up some arguments here…' });
    expect(commands).toEqual(['some arguments here']);
  });

  it('delivers a block_actions payload as an interactive envelope', async () => {
    const { slack } = await startApp((app) =>
      app.action('info', async ({ ack }) => {
        await ack();
      }),
    );
    expect(await slack.socketMode.deliver('interactive', await fixture('block-actions.json'))).toEqual({});
  });

  it('rejects a delivery that is never acknowledged within the deadline', async () => {
    const { slack } = await startApp((app) => app.command('/test-feedback', async () => {}));
    await expect(
      slack.socketMode.deliver('slash_commands', await fixture('slash-command.json'), { ackTimeoutMs: 200 }),
    ).rejects.toThrow(/not acknowledged within 200 ms/);
  });

  it('makes the real client reconnect with a fresh URL after a disconnect message', async () => {
    slack = await startFakeSlack();
    const logger = createSlackTestLogger();
    const receiver = new SocketModeReceiver({
      appToken: slack.api.appToken,
      clientPingTimeout: 200, // the client waits clientPingTimeout × failures before reconnecting
      logger,
      logLevel: LogLevel.DEBUG,
      installerOptions: { clientOptions: { slackApiUrl: slack.api.url } },
    });
    app = new App({ ...slack.boltOptions({ logger }), socketMode: undefined, appToken: undefined, receiver });
    await app.start();
    slack.socketMode.sendDisconnect('refresh_requested');
    await expect.poll(() => slack?.socketMode.totalConnections, { timeout: 5000 }).toBe(2);
    await slack.socketMode.waitForConnection();
    expect(slack.api.callsTo('apps.connections.open')).toHaveLength(2);
    expect(
      logger.lines.some((line) => line.message.includes('Received "disconnect" (refresh_requested)')),
    ).toBe(true);
  });
});

describe('fake Socket Mode on its own', () => {
  it('refuses unknown and reused tickets, and pings when asked to', async () => {
    const socketMode = await startFakeSocketMode({ pingIntervalMs: 20 });
    try {
      const refused = (url: string) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(url);
          ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          ws.on('error', () => resolve(-1));
        });
      const url = socketMode.issueUrl();
      expect(await refused(url.replace(/ticket=[^&]+/, 'ticket=forged'))).toBe(401);

      const client = new WebSocket(url);
      const hello = await new Promise<Record<string, unknown>>((resolve) =>
        client.once('message', (data) => resolve(JSON.parse(data.toString()))),
      );
      expect(hello).toMatchObject({
        type: 'hello',
        num_connections: 1,
        connection_info: { app_id: 'A0FAKEAPP' },
      });
      expect(await refused(url)).toBe(401);
      await expect.poll(() => socketMode.pongs).toBeGreaterThan(0);
      client.close();
    } finally {
      await socketMode.close();
    }
    await expect(socketMode.deliver('events_api', {})).rejects.toThrow(/no open Socket Mode connection/);
  });
});
