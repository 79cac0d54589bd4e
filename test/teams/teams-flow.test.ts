import { afterEach, describe, expect, it } from 'vitest';
import { createCardValidator } from './card-schema.ts';
import {
  ACTIONS_FIXTURE,
  CHANNEL_FIXTURE,
  CUSTOMER,
  CUSTOMER_TENANT,
  channelMessage,
  FAKE_BOT_TOKEN,
  STAFF,
  SUPPORT_CHANNEL,
  startTeamsHarness,
  type TeamsHarness,
  TRIAGE_CHANNEL,
} from './teams-harness.ts';

const validateCard = createCardValidator();
let harness: TeamsHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

function cardOf(activity: Record<string, unknown>): Record<string, unknown> {
  const attachments = activity.attachments as Array<{
    contentType: string;
    content: Record<string, unknown>;
  }>;
  const card = attachments.find(
    (attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  if (!card) throw new Error('no adaptive card in the activity');
  return card.content;
}

function cardAction(fields: {
  postId: string;
  verb: string;
  from: typeof STAFF;
  data?: Record<string, string>;
  requestId: string;
}) {
  const template = structuredClone(ACTIONS_FIXTURE.action) as Record<string, unknown>;
  return {
    ...template,
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `f:${fields.postId}-${fields.verb}`,
    from: fields.from,
    replyToId: fields.postId,
    conversation: {
      ...(template.conversation as object),
      id: `${SUPPORT_CHANNEL};messageid=${fields.postId}`,
    },
    channelData: { ...(template.channelData as object), channel: { id: SUPPORT_CHANNEL } },
    value: {
      action: {
        type: 'Action.Execute',
        verb: fields.verb,
        data: { requestId: fields.requestId, action: fields.verb, ...fields.data },
      },
    },
  };
}

describe('Teams end to end through the SDK app and a fake connector', () => {
  it('routes a shared-channel message as a valid card, claims it by button, marks a staff reply answered and resolves by ✅', async () => {
    harness = await startTeamsHarness();
    const h = harness;
    const root = channelMessage({
      html: '<p><span itemtype="http://schema.skype.com/Mention" itemscope="" itemid="0">Verbatim</span>&nbsp;Our export is broken since Monday, <at>Ann</at> said it would be fixed. See <a href="https://evil.example/login">https://bank.example</a></p>',
    });
    const accepted = await h.send(root);
    expect(accepted.status).toBe(200);
    const routed = await h.waitFor('routed card', () =>
      h.connector.calls.find((call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL),
    );
    expect(routed.authorization).toBe(`Bearer ${FAKE_BOT_TOKEN}`);
    const card = cardOf(routed.activity);
    expect(validateCard(card)).toEqual([]);
    const json = JSON.stringify(card);
    // Every word arrives; the mention is plain text; the disguised link shows its real target.
    expect(json).toContain('Our export is broken since Monday');
    expect(json).toContain('@Verbatim');
    expect(json).toContain('https://bank.example (https://evil.example/login)');
    expect(json).not.toContain('<at>');
    expect(json).toContain('Fjord Travel (enterprise)');
    expect(json).toContain('verbatim.claim');

    const request = await h.waitFor('stored request', async () => {
      const found = await h.verbatim.store.findRequestByPost({
        destination: { platform: 'teams', conversationId: SUPPORT_CHANNEL },
        id: routed.activityId,
      });
      return found;
    });
    const claim = await h.send(
      cardAction({ postId: routed.activityId, verb: 'verbatim.claim', from: STAFF, requestId: request.id }),
    );
    expect(claim.status).toBe(200);
    expect(claim.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    const claimedUpdate = await h.waitFor('card updated after claim', () =>
      h.connector.calls.find(
        (call) =>
          call.kind === 'update' &&
          call.activityId === routed.activityId &&
          JSON.stringify(call.activity).includes('Claimed by Ann Agent'),
      ),
    );
    expect(validateCard(cardOf(claimedUpdate.activity))).toEqual([]);

    // Explain: the audit trail reaches the clicker alone, in their 1:1 chat with the bot.
    expect(json).toContain('verbatim.explain');
    const explained = await h.send(
      cardAction({ postId: routed.activityId, verb: 'verbatim.explain', from: STAFF, requestId: request.id }),
    );
    expect(explained.body).toMatchObject({ value: 'Sent you the explanation in your chat with Verbatim.' });
    const audit = await h.waitFor('audit in a personal chat', () =>
      h.connector.calls.find(
        (call) => call.kind === 'send' && call.conversationId === `a:personal-${STAFF.id}`,
      ),
    );
    const auditCard = cardOf(audit.activity);
    expect(validateCard(auditCard)).toEqual([]);
    expect(JSON.stringify(auditCard)).toContain(`Verbatim audit of ${request.id}`);
    expect(JSON.stringify(auditCard)).toContain('triage decisions (1)');
    expect(JSON.stringify(auditCard)).toContain('claim: open → claimed by Ann Agent');
    expect(
      h.connector.calls.filter((call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL),
    ).toHaveLength(1);
    expect((await h.verbatim.store.getRequest(request.id))?.state).toBe('claimed');

    // Staff answer in the customer's thread: the request is answered.
    await h.send(
      channelMessage({ text: 'Looking into it now.', from: STAFF, threadRootId: String(root.id) }),
    );
    await h.waitFor(
      'answered',
      async () => (await h.verbatim.store.getRequest(request.id))?.state === 'answered',
    );

    // ✅ on the routed card resolves.
    const reaction = structuredClone(ACTIONS_FIXTURE.reaction) as Record<string, unknown>;
    await h.send({
      ...reaction,
      id: `${routed.activityId}-r`,
      from: STAFF,
      replyToId: routed.activityId,
      conversation: {
        ...(reaction.conversation as object),
        id: `${SUPPORT_CHANNEL};messageid=${routed.activityId}`,
      },
      reactionsAdded: [{ type: '2705_whiteheavycheckmark' }],
    });
    await h.waitFor(
      'resolved',
      async () => (await h.verbatim.store.getRequest(request.id))?.state === 'resolved',
    );
  }, 60_000);
  it('follows edits, deletions, noise, internal chatter and customer contacts leaving', async () => {
    harness = await startTeamsHarness();
    const h = harness;
    // Our own people in an internal channel are not customers; a greeting is engagement, not a request.
    await h.send(channelMessage({ text: 'Lunch at noon?', from: STAFF, channel: SUPPORT_CHANNEL }));
    const noise = await h.send(channelMessage({ text: 'thanks!' }));
    expect(noise.status).toBe(200);
    const root = channelMessage({ text: 'The sync is broken for all users' });
    await h.send(root);
    const routed = await h.waitFor('routed card', () =>
      h.connector.calls.find((call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL),
    );
    // One routed card (the noise made none); a P1 also escalates, in the escalation channel.
    expect(
      h.connector.calls.filter((call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL),
    ).toHaveLength(1);
    // Processed from the inbox, several at a time: the order of the two outcomes is not fixed.
    const outcomes = await h.waitFor('both outcomes', () => {
      const found = h.logs.filter((line) => line.msg === 'teams message ingested').map((line) => line.status);
      return found.length >= 2 && found;
    });
    expect([...outcomes].sort()).toEqual(['accepted', 'noise']);
    await h.waitFor('post linked', () =>
      h.verbatim.store.findRequestByPost({
        destination: { platform: 'teams', conversationId: SUPPORT_CHANNEL },
        id: routed.activityId,
      }),
    );

    await h.send({
      ...root,
      type: 'messageUpdate',
      channelData: { ...(root.channelData as object), eventType: 'editMessage' },
      text: 'The sync is broken for all users since 9:00',
    });
    const edited = await h.waitFor('card shows the edit', () =>
      h.connector.calls.find(
        (call) => call.kind === 'update' && JSON.stringify(call.activity).includes('since 9:00'),
      ),
    );
    expect(JSON.stringify(edited.activity)).toContain('edited');
    expect(edited.activityId).toBe(routed.activityId);

    await h.send({
      ...root,
      type: 'messageUpdate',
      channelData: { ...(root.channelData as object), eventType: 'softDeleteMessage' },
    });
    await h.waitFor('card shows the deletion', () =>
      h.connector.calls.find(
        (call) => call.kind === 'update' && JSON.stringify(call.activity).includes('deleted by the author'),
      ),
    );

    const template = structuredClone(CHANNEL_FIXTURE.mention) as Record<string, unknown>;
    await h.send({
      ...template,
      type: 'conversationUpdate',
      id: 'f:member-left',
      from: STAFF,
      membersRemoved: [{ id: CUSTOMER.id, aadObjectId: CUSTOMER.aadObjectId }],
      channelData: { ...(template.channelData as object), eventType: 'channelMemberRemoved' },
    });
    const rows = await h.waitFor('membership change recorded', async () => {
      const found = await h.verbatim.storage.db.query<{
        kind: string;
        account_id: string;
        actor: { id: string };
      }>('SELECT kind, account_id, actor FROM account_events ORDER BY id');
      return found.rows.length > 0 && found;
    });
    expect(rows.rows.map((row) => [row.kind, row.account_id, row.actor.id])).toEqual([
      ['member-left', 'fjord', CUSTOMER.aadObjectId],
    ]);
  }, 60_000);
  it('routes an external author in an unclaimed channel as unmapped; "Map to account" moves it to the team', async () => {
    harness = await startTeamsHarness();
    const h = harness;
    const stranger = '19:newco-shared@thread.tacv2';
    h.connector.rosters.set(stranger, [{ ...CUSTOMER, tenantId: CUSTOMER_TENANT }]);
    await h.send(channelMessage({ text: 'Hello, the login is broken for us', channel: stranger }));
    const unmapped = await h.waitFor('unmapped card', () =>
      h.connector.calls.find((call) => call.kind === 'send' && call.conversationId === TRIAGE_CHANNEL),
    );
    const card = cardOf(unmapped.activity);
    expect(validateCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('verbatim.map');
    const request = await h.waitFor('linked', () =>
      h.verbatim.store.findRequestByPost({
        destination: { platform: 'teams', conversationId: TRIAGE_CHANNEL },
        id: unmapped.activityId,
      }),
    );
    const mapped = await h.send(
      cardAction({
        postId: unmapped.activityId,
        verb: 'verbatim.map',
        from: STAFF,
        requestId: request.id,
        data: { mapAccount: 'fjord' },
      }),
    );
    expect(mapped.body).toMatchObject({ value: expect.stringContaining('Mapped') });
    await h.waitFor('posted in the team channel', () =>
      h.connector.calls.find((call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL),
    );
    expect((await h.verbatim.store.getRequest(request.id))?.accountId).toBe('fjord');
  }, 60_000);
  it('snoozes and reassigns by button, and carries a follow-up into the card thread', async () => {
    harness = await startTeamsHarness();
    const h = harness;
    const root = channelMessage({ text: 'Our dashboard shows a bug in totals' });
    await h.send(root);
    const routed = await h.waitFor('routed card', () =>
      h.connector.calls.find((call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL),
    );
    const request = await h.waitFor('linked', () =>
      h.verbatim.store.findRequestByPost({
        destination: { platform: 'teams', conversationId: SUPPORT_CHANNEL },
        id: routed.activityId,
      }),
    );
    // The customer adds to the thread: the words follow in the card's thread, verbatim.
    await h.send(channelMessage({ text: 'Also the CSV totals differ', threadRootId: String(root.id) }));
    const followUp = await h.waitFor('follow-up in the card thread', () =>
      h.connector.calls.find(
        (call) =>
          call.kind === 'reply' && JSON.stringify(call.activity).includes('Also the CSV totals differ'),
      ),
    );
    expect(followUp.conversationId).toBe(`${SUPPORT_CHANNEL};messageid=${routed.activityId}`);
    expect(validateCard(cardOf(followUp.activity))).toEqual([]);

    await h.send(
      cardAction({
        postId: routed.activityId,
        verb: 'verbatim.snooze',
        from: STAFF,
        requestId: request.id,
        data: { snoozeHours: '24' },
      }),
    );
    await h.waitFor(
      'snoozed',
      async () => (await h.verbatim.store.getRequest(request.id))?.state === 'snoozed',
    );
    await h.waitFor('card says snoozed', () =>
      h.connector.calls.find(
        (call) => call.kind === 'update' && JSON.stringify(call.activity).includes('Snoozed until'),
      ),
    );

    await h.send(
      cardAction({
        postId: routed.activityId,
        verb: 'verbatim.reassign',
        from: STAFF,
        requestId: request.id,
        data: { reassignTeam: 'billing' },
      }),
    );
    const moved = await h.waitFor('posted in billing', () =>
      h.connector.calls.find(
        (call) => call.kind === 'send' && call.conversationId === '19:billing-internal@thread.tacv2',
      ),
    );
    expect(validateCard(cardOf(moved.activity))).toEqual([]);
    await h.waitFor('old card says where it went', () =>
      h.connector.calls.find(
        (call) =>
          call.kind === 'update' &&
          call.activityId === routed.activityId &&
          JSON.stringify(call.activity).includes('Reassigned to Billing'),
      ),
    );
  }, 60_000);
  it('groups consecutive messages of one customer into one request and one card', async () => {
    harness = await startTeamsHarness();
    const h = harness;
    const at = Date.now();
    await h.send(channelMessage({ text: 'Our importer is broken', timestamp: new Date(at).toISOString() }));
    await h.send(
      channelMessage({
        text: 'It fails on every CSV since the update',
        timestamp: new Date(at + 60_000).toISOString(),
      }),
    );
    // Joined while gathered (one card shows both) or carried as a follow-up once routed: never a second card.
    await h.waitFor('both texts shown', () =>
      h.connector.calls.some((call) => JSON.stringify(call.activity).includes('It fails on every CSV')),
    );
    const requests = await h.verbatim.storage.db.query<{ count: string }>(
      'SELECT count(*) AS count FROM requests',
    );
    expect(Number(requests.rows[0]!.count)).toBe(1);
    expect(
      h.connector.calls.filter((call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL),
    ).toHaveLength(1);
  }, 60_000);
});
