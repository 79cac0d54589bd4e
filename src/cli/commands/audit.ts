import { describeRequestAudit } from '../../storage/describe-request-audit.ts';
import { readRequestAudit } from '../../storage/read-request-audit.ts';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { loadConfigOrExplain } from '../load-config-or-explain.ts';
import { openStorageOrExplain } from '../open-storage-or-explain.ts';

/**
 * `verbatim audit REQUEST_ID [--json]`: a request's whole history — its messages, every triage
 * decision (engine, prompt version, input hash, redactions, floor, tokens, cost, latency, provider
 * request id, fallback), routing, state changes with who and when, and the posts made.
 */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: "show a request's whole history: messages, every AI decision, routing, state changes, posts",
  usage: 'verbatim audit REQUEST_ID [--json]',
  async run(args, io) {
    const json = args.includes('--json');
    const positional = args.filter((arg) => arg !== '--json');
    const unknown = positional.find((arg) => arg.startsWith('--'));
    if (unknown) throw new UsageError(`unknown option "${unknown}"`);
    if (positional.length !== 1) throw new UsageError('needs exactly one request id');
    const requestId = positional[0]!;
    const config = loadConfigOrExplain(io);
    if (!config) return 1;
    const storage = await openStorageOrExplain(config, io);
    if (!storage) return 1;
    try {
      const audit = await readRequestAudit(storage.db, requestId);
      if (!audit) {
        io.stderr.write(`✗ no request ${requestId}; request ids are shown on routed posts (\`req_…\`)\n`);
        return 1;
      }
      io.stdout.write(
        json ? `${JSON.stringify(audit, null, 2)}\n` : describeRequestAudit(audit, { withText: true }),
      );
      return 0;
    } finally {
      await storage.close();
    }
  },
};
