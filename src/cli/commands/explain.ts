import { createAnalyzer } from '../../analyzers/create-analyzer.ts';
import { renderRoutedPostText } from '../../console/render-routed-post-text.ts';
import type { CustomerMessage, CustomerMessageInput } from '../../core/customer-message.ts';
import { CustomerMessageSchema } from '../../core/customer-message.ts';
import { describeDestination } from '../../core/directory.ts';
import { classifyNoise } from '../../core/noise-filter.ts';
import { analyzeRequestText, requestText } from '../../core/pipeline/analyze-request-text.ts';
import { buildRoutedPostView } from '../../core/pipeline/build-routed-post-view.ts';
import { resolveAccount } from '../../core/resolve-account.ts';
import { looksLikeEmail, readExplainInputFromEml } from '../../email/explain-email-input.ts';
import { createLogger } from '../../logging/create-logger.ts';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { loadConfigOrExplain } from '../load-config-or-explain.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { readInput } from '../read-input.ts';

export const explainCommand: CliCommand = {
  name: 'explain',
  summary: 'show how a message would be grouped, analysed, routed and rendered (nothing is stored or posted)',
  usage: 'verbatim explain [FILE|-] [--account ID] [--json]',
  help: 'FILE          a text or .eml file; - (or nothing) reads standard input\n--account ID  the account the message is from (else resolved from the sender)\n--json        stable JSON fields instead of the rendering',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: 'boolean' }, account: { type: 'string' } },
      1,
    );
    const json = values.json === true;
    const accountId = values.account;
    const file = positionals[0];
    const config = loadConfigOrExplain(io);
    if (!config) return 1;
    const { directory } = config;
    const bytes = await readInput(io, file);
    if (bytes.length === 0)
      throw new UsageError('no message: give a file, or pipe the text into `verbatim explain -`');

    let input: CustomerMessageInput;
    if (file?.toLowerCase().endsWith('.eml') || looksLikeEmail(bytes)) {
      const email = await readExplainInputFromEml(bytes, {
        accounts: directory.accounts,
        ownDomains: directory.ownDomains,
      });
      if (!email.ok) {
        io.stderr.write(`verbatim explain: the email could not be read: ${email.reason}\n`);
        return 1;
      }
      input = email.message;
    } else {
      input = {
        id: 'explain:1',
        platform: 'slack',
        conversation: 'explain',
        thread: null,
        accountId: null,
        author: { id: 'customer', name: 'Customer', external: true },
        text: bytes.toString('utf8'),
        sentAt: new Date(),
      };
    }
    const message: CustomerMessage = CustomerMessageSchema.parse(input);
    const account = accountId
      ? directory.accounts.find((candidate) => candidate.id === accountId)
      : (directory.accounts.find((candidate) => candidate.id === message.accountId) ??
        resolveAccount(directory.accounts, {
          conversation: message.conversation,
          email: message.author.email,
        }));
    if (accountId && !account) {
      io.stderr.write(
        `verbatim explain: unknown account "${accountId}"; known: ${directory.accounts.map((a) => a.id).join(', ')}\n`,
      );
      return 1;
    }
    const noise = classifyNoise(message.text, { patterns: config.file.noise.patterns });
    const logger = createLogger({ level: 'warn', pretty: false, secrets: [config.env.ANTHROPIC_API_KEY] });
    const now = new Date();
    const { analysis, floor, route } = await analyzeRequestText(
      {
        analyzer: createAnalyzer(config, logger),
        directory,
        settings: { renewalWindowDays: config.file.analysis.renewalWindowDays },
      },
      { text: requestText([message]), account: account ?? null, now },
    );
    const grouping = {
      windowMinutes: config.file.grouping.windowMinutes,
      decision: noise.noise ? 'engagement only: not a request' : 'a new request',
      rule: `customer messages from the same account in the same conversation within ${config.file.grouping.windowMinutes} min, or in one thread, form one request; a reply after routing goes into the routed post's thread`,
    };

    if (json) {
      io.stdout.write(
        `${JSON.stringify(
          {
            message: {
              text: message.text,
              author: message.author,
              subject: message.subject,
              forwardedBy: message.forwardedBy,
              quotedText: message.quotedText,
              attachments: message.attachments,
            },
            account: account ? { id: account.id, name: account.name, tier: account.tier } : null,
            noise: noise.noise,
            noiseReason: noise.reason,
            grouping,
            analysis: {
              engine: analysis.engine,
              priority: analysis.priority,
              priorityReason: analysis.priorityReason,
              floor,
              topics: analysis.topics,
              sentiment: analysis.sentiment,
              churnSignals: analysis.churnSignals,
              language: analysis.language,
              summary: analysis.summary,
              confidence: analysis.confidence,
              usage: analysis.usage,
            },
            route: {
              team: route.team.id,
              teamName: route.team.name,
              destination: describeDestination(route.unmapped ? directory.unmapped : route.team.destination),
              alsoNotify: route.alsoNotify.map(describeDestination),
              unmapped: route.unmapped,
              reason: route.reason,
            },
          },
          null,
          2,
        )}\n`,
      );
      return 0;
    }

    const out = io.stdout;
    out.write(
      `Message: ${message.text.length} characters from ${message.author.name}${message.author.email ? ` <${message.author.email}>` : ''}\n`,
    );
    if (message.forwardedBy)
      out.write(`  forwarded by ${message.forwardedBy.name} <${message.forwardedBy.email}>\n`);
    out.write(
      `Account: ${account ? `${account.name} (${account.id}, ${account.tier})` : 'unknown → unmapped flow'}\n`,
    );
    out.write(`Noise: ${noise.noise ? `yes (${noise.reason}) — counted as engagement, not routed` : 'no'}\n`);
    out.write(`Grouping: ${grouping.decision}; ${grouping.rule}\n`);
    out.write(`Analysis (${analysis.engine}): ${analysis.priority}, ${analysis.priorityReason}\n`);
    out.write(
      `  topics ${analysis.topics.join(', ') || 'none'} · sentiment ${analysis.sentiment.toFixed(2)} · language ${analysis.language} · confidence ${analysis.confidence.toFixed(2)}\n`,
    );
    for (const hit of floor)
      out.write(`  floor ${hit.rule} → at least ${hit.priority}: ${hit.reason} ("${hit.phrase}")\n`);
    for (const signal of analysis.churnSignals)
      out.write(
        signal.quoted === true
          ? `  churn signal ${signal.driver}: "${signal.phrase}"\n`
          : `  churn signal ${signal.driver}: model's paraphrase, not the customer's words: ${signal.phrase}\n`,
      );
    out.write(`Route: ${route.team.name} — ${route.reason}\n`);
    if (noise.noise) return 0;
    const destination = route.unmapped ? directory.unmapped : route.team.destination;
    const view = buildRoutedPostView({
      request: {
        id: 'explain',
        accountId: account?.id ?? null,
        conversation: message.conversation,
        thread: message.thread,
        state: 'open',
        claimedBy: null,
        snoozedUntil: null,
        teamId: route.team.id,
        priority: analysis.priority,
        analysis,
        floor,
        openedAt: message.sentAt,
        lastMessageAt: message.sentAt,
        routedAt: null,
        firstResponseAt: null,
        resolvedAt: null,
        version: 0,
      },
      messages: [message],
      directory,
      lastTransition: null,
    });
    out.write(
      `\nWould post to ${describeDestination(destination)}:\n${renderRoutedPostText(view, describeDestination(destination))}`,
    );
    for (const also of route.alsoNotify)
      out.write(`and alert ${describeDestination(also)} (P1 escalation)\n`);
    return 0;
  },
};
