import type { BacktestReport } from '../../core/health/backtest.ts';

const percent = (value: number | null) => (value === null ? '-' : `${Math.round(value * 100)}%`);

/** The backtest as a table: one row per band threshold. */
export function printBacktest(out: NodeJS.WritableStream, report: BacktestReport): void {
  out.write(
    `Backtest: ${report.outcomes} outcomes with history (${report.churned} churned), warning window ${report.horizonDays} days before each outcome\n`,
  );
  out.write('THRESHOLD         FLAGGED  CHURNED&FLAGGED  PRECISION  RECALL  MEDIAN LEAD\n');
  for (const row of report.rows)
    out.write(
      `${`${row.threshold} or worse`.padEnd(18)}${String(row.flagged).padEnd(9)}${String(row.truePositives).padEnd(17)}${percent(row.precision).padEnd(11)}${percent(row.recall).padEnd(8)}${row.medianLeadDays === null ? '-' : `${Math.round(row.medianLeadDays)} days`}\n`,
    );
  if (report.withoutHistory.length > 0)
    out.write(`Not counted (no snapshots in their window): ${report.withoutHistory.join(', ')}\n`);
  if (report.modelVersions.length > 1)
    out.write(
      `Snapshots span ${report.modelVersions.length} model versions: ${report.modelVersions.join(', ')}\n`,
    );
}
