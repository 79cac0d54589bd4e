import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  SLACK_BOT_EVENTS,
  SLACK_BOT_SCOPES,
  SLACK_COMMANDS,
} from '../../src/slack/slack-app-requirements.ts';

const manifest = parse(
  readFileSync(new URL('../../manifests/slack/manifest.yaml', import.meta.url), 'utf8'),
) as {
  features: { app_home: { home_tab_enabled: boolean }; slash_commands: Array<{ command: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
};

describe('manifests/slack/manifest.yaml', () => {
  it('grants exactly the scopes the adapter uses and doctor checks', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SLACK_BOT_SCOPES].sort());
  });

  it('subscribes to exactly the events the adapter listens to', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...SLACK_BOT_EVENTS].sort(),
    );
  });

  it('declares /churn, interactivity, App Home and Socket Mode', () => {
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual([...SLACK_COMMANDS]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
