import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyChannel } from '../../src/slack/classify-channel.ts';
import { describeExternalSharing } from '../../src/slack/shared-channel-guard.ts';

describe('describeExternalSharing', () => {
  it.each([
    ['an internal channel', { is_shared: false }, null],
    ['a Slack Connect channel', { is_ext_shared: true, is_shared: true }, 'Slack Connect'],
    ['a pending share', { is_pending_ext_shared: true }, 'pending'],
    ['pending connected teams', { pending_connected_team_ids: ['T1'] }, 'pending'],
    ['connected teams', { connected_team_ids: ['T1'] }, 'connected'],
    ['shared with another workspace', { is_shared: true, is_org_shared: false }, 'another workspace'],
    ['shared inside our own Enterprise org', { is_shared: true, is_org_shared: true }, null],
  ])('%s', (_name, channel, reason) => {
    const described = describeExternalSharing(channel);
    if (reason === null) expect(described).toBeNull();
    else expect(described).toContain(reason);
  });

  it('flags the recorded conversations.info of an externally shared channel', () => {
    const channel = JSON.parse(
      readFileSync(new URL('./fixtures/shared_channel.json', import.meta.url), 'utf8'),
    );
    expect(describeExternalSharing(channel)).toContain('Slack Connect');
  });
});

describe('classifyChannel', () => {
  const accounts = [{ channels: ['slack:C1ACME'] }];
  it.each([
    ['a mapped customer channel', 'C1ACME', false, 'customer'],
    ['a feedback channel', 'C0FEEDBACK', false, 'feedback'],
    ['an unmapped shared channel', 'C1NEW', true, 'unmapped'],
    ['one of our own channels', 'C0SUPPORT', false, null],
  ])('%s', (_name, channel, isExtShared, kind) => {
    expect(classifyChannel({ channel, accounts, feedbackChannels: ['slack:C0FEEDBACK'], isExtShared })).toBe(
      kind,
    );
  });
});
