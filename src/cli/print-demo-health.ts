import type { Verbatim } from '../compose-verbatim.ts';
import { explainFoundAccount } from '../core/health/explain-account.ts';
import { listRisks } from '../core/health/list-risks.ts';
import { renderHealthText, renderRiskListText } from './render-health-text.ts';

/** The demo's last part: today's health snapshot, the risk list, and the riskiest account explained. */
export async function printDemoHealth(out: NodeJS.WritableStream, verbatim: Verbatim): Promise<void> {
  await verbatim.takeHealthSnapshots();
  const risks = await listRisks(verbatim.health, 10);
  out.write('\nAccount health: the 10 most urgent accounts (`/churn`, `verbatim churn`)\n');
  out.write(renderRiskListText(risks));
  const riskiest = risks.find((item) => item.score !== null);
  const account = riskiest && verbatim.health.accounts().find((candidate) => candidate.id === riskiest.id);
  if (!account) return;
  const outcome = await explainFoundAccount(verbatim.health, account);
  if (outcome.status !== 'explained') return;
  out.write(
    `\nThe riskiest account explained (\`/churn ${account.id}\`, \`verbatim churn ${account.id}\`)\n`,
  );
  out.write(renderHealthText(outcome.view));
}
