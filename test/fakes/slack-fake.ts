/**
 * The whole fake Slack in one call: the Web API (slack-web-api.ts) with Socket Mode
 * (slack-socket-mode.ts) wired behind apps.connections.open, plus ready-made Bolt options.
 *
 *   const slack = await startFakeSlack();
 *   const app = new App(slack.boltOptions()); // token, appToken, socketMode, clientOptions, quiet logger
 *   app.message(async ({ message }) => { … });
 *   await app.start();
 *   await slack.socketMode.waitForConnection();
 *   await slack.socketMode.deliver('events_api', eventCallbackBody);
 *   slack.api.messages('C123');
 *   await app.stop(); await slack.close();
 */
import type { AppOptions } from '@slack/bolt';
import { type FakeSocketMode, type FakeSocketModeOptions, startFakeSocketMode } from './slack-socket-mode.ts';
import { createSlackTestLogger } from './slack-test-logger.ts';
import { type FakeSlackApi, type FakeSlackApiOptions, startFakeSlackApi } from './slack-web-api.ts';

export interface FakeSlack {
  api: FakeSlackApi;
  socketMode: FakeSocketMode;
  /**
   * Options for a real Bolt App in Socket Mode against this fake. WebClient retries are off
   * (`retries: 0`) unless `overrides.clientOptions` says otherwise; the logger records silently.
   */
  boltOptions(overrides?: AppOptions): AppOptions;
  close(): Promise<void>;
}

export async function startFakeSlack(
  options: { api?: Omit<FakeSlackApiOptions, 'socketMode'>; socketMode?: FakeSocketModeOptions } = {},
): Promise<FakeSlack> {
  const socketMode = await startFakeSocketMode({ appId: options.api?.team?.appId, ...options.socketMode });
  const api = await startFakeSlackApi({ ...options.api, socketMode });
  return {
    api,
    socketMode,
    boltOptions: (overrides = {}) => ({
      token: api.botToken,
      appToken: api.appToken,
      socketMode: true,
      logger: createSlackTestLogger(),
      ...overrides,
      clientOptions: { slackApiUrl: api.url, retryConfig: { retries: 0 }, ...overrides.clientOptions },
    }),
    async close() {
      await socketMode.close();
      await api.close();
    },
  };
}
