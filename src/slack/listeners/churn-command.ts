import type { App, RespondFn } from '@slack/bolt';
import {
  type ExplainOutcome,
  explainAccount,
  explainFoundAccount,
} from '../../core/health/explain-account.ts';
import { listRisks } from '../../core/health/list-risks.ts';
import { createChurnAccess } from '../churn-access.ts';
import { describeExternalSharing } from '../shared-channel-guard.ts';
import {
  CHURN_ACTION_IDS,
  CHURN_HELP,
  CHURN_REFUSAL,
  renderHealthBlocks,
  renderPickAccount,
  renderRiskListBlocks,
} from '../views/health-blocks.ts';
import { type Block, safe, sectionBlock } from '../views/slack-blocks.ts';
import { ourTeamIds, type SlackListenerDeps } from './slack-listener-deps.ts';

/** Our Block Kit bodies are loosely typed (views/slack-blocks.ts); Slack checks them on arrival. */
function reply(
  respond: RespondFn,
  message: {
    text: string;
    blocks?: Block[];
    response_type: 'ephemeral' | 'in_channel';
    replace_original?: boolean;
  },
): Promise<unknown> {
  return respond(message as Parameters<RespondFn>[0]);
}

const CHURN_FAILED = 'Sorry, account health could not be worked out just now. Please try again in a minute.';

/** How many accounts `/churn` alone lists. */
const RISK_LIST_LENGTH = 10;

/**
 * `/churn`: acknowledged at once (Slack's 3 s), answered through `response_url`, ephemeral. Only
 * `churn.allowedUsers` / `churn.allowedGroups` (both empty: everyone in our workspace) see
 * health; anyone else gets the same refusal whatever they asked, so it reveals nothing.
 */
export function registerChurnCommand(app: App, deps: SlackListenerDeps): void {
  const { churn } = deps.context.config.file;
  const access = createChurnAccess({
    client: deps.client,
    allowedUsers: churn.allowedUsers,
    allowedGroups: churn.allowedGroups,
    logger: deps.logger,
  });
  const allowed = async (userId: string, teamId: string | undefined) =>
    (teamId === undefined || ourTeamIds(deps.identity).includes(teamId)) && (await access.allows(userId));
  const health = deps.context.health;

  async function answer(outcome: ExplainOutcome, query: string, respond: RespondFn, shareable: boolean) {
    switch (outcome.status) {
      case 'explained':
        await reply(respond, {
          response_type: 'ephemeral',
          replace_original: true,
          ...renderHealthBlocks(outcome.view, { shareable }),
        });
        return;
      case 'not-enough-data':
        await reply(respond, {
          response_type: 'ephemeral',
          replace_original: true,
          text: `${safe(outcome.account.name)}: not enough data yet`,
          blocks: [
            sectionBlock(
              `*${safe(outcome.account.name)}*: not enough data yet. What is missing:\n${outcome.missing.map((line) => `• ${safe(line)}`).join('\n')}`,
            ),
          ],
        });
        return;
      case 'ambiguous':
        await reply(respond, { response_type: 'ephemeral', ...renderPickAccount(query, outcome.candidates) });
        return;
      case 'unknown': {
        const closest = outcome.suggestions
          .map((account) => `*${safe(account.name)}* (\`${account.id}\`)`)
          .join(', ');
        await reply(respond, {
          response_type: 'ephemeral',
          text: `No account matches “${safe(query, 100)}”.`,
          blocks: [
            sectionBlock(
              `No account matches “${safe(query, 100)}”.${closest ? ` Closest: ${closest}.` : ''} \`/churn\` lists the riskiest accounts.`,
            ),
          ],
        });
      }
    }
  }

  app.command('/churn', async ({ command, ack, respond }) => {
    await ack();
    deps.later('answer /churn', async () => {
      if (!(await allowed(command.user_id, command.team_id))) {
        await reply(respond, { response_type: 'ephemeral', text: CHURN_REFUSAL });
        return;
      }
      const query = command.text.trim();
      if (query === 'help') {
        await reply(respond, {
          response_type: 'ephemeral',
          text: 'How /churn works',
          blocks: [sectionBlock(CHURN_HELP)],
        });
        return;
      }
      if (query === '') {
        await reply(respond, {
          response_type: 'ephemeral',
          ...renderRiskListBlocks(await listRisks(health, RISK_LIST_LENGTH)),
        });
        return;
      }
      try {
        await answer(await explainAccount(health, query), query, respond, true);
      } catch (error) {
        // Tell the person rather than leave them waiting; the failure itself is logged by `later`.
        await reply(respond, { response_type: 'ephemeral', text: CHURN_FAILED }).catch(() => undefined);
        throw error;
      }
    });
  });

  app.action(new RegExp(`^${CHURN_ACTION_IDS.pick}:`), async ({ body, action, ack, respond }) => {
    await ack();
    deps.later('answer /churn pick', async () => {
      if (!(await allowed(body.user.id, body.team?.id))) {
        await reply(respond, { response_type: 'ephemeral', text: CHURN_REFUSAL });
        return;
      }
      const account = health
        .accounts()
        .find((candidate) => candidate.id === (action as { value?: string }).value);
      if (!account) return;
      await answer(await explainFoundAccount(health, account), account.id, respond, true);
    });
  });

  app.action(CHURN_ACTION_IDS.share, async ({ body, action, ack, respond }) => {
    await ack();
    deps.later('share /churn', async () => {
      if (!(await allowed(body.user.id, body.team?.id))) return;
      const channel = (body as { channel?: { id?: string } }).channel?.id;
      const info = channel ? await deps.client.conversations.info({ channel }).catch(() => null) : null;
      const sharing = info?.channel ? describeExternalSharing(info.channel as never) : 'unknown channel';
      if (sharing) {
        deps.logger.warn(
          { channel, reason: sharing },
          'refused to share account health into a channel that is not internal',
        );
        await reply(respond, {
          response_type: 'ephemeral',
          replace_original: false,
          text: 'Not shared: this channel is shared with another organisation, and account health is internal.',
        });
        return;
      }
      const account = health
        .accounts()
        .find((candidate) => candidate.id === (action as { value?: string }).value);
      if (!account) return;
      const outcome = await explainFoundAccount(health, account);
      if (outcome.status !== 'explained') return;
      const body_ = renderHealthBlocks(outcome.view, { shareable: false });
      await reply(respond, {
        response_type: 'in_channel',
        replace_original: false,
        text: body_.text,
        blocks: [...body_.blocks, sectionBlock(`_Shared by <@${body.user.id.replace(/[^A-Z0-9]/gi, '')}>_`)],
      });
    });
  });
}
