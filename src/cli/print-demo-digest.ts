import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderDigestChart } from '../chart/render-digest-chart.ts';
import type { Verbatim } from '../compose-verbatim.ts';
import type { ConfigFile } from '../config/config-file-schema.ts';
import { renderDigestText } from '../console/render-digest-text.ts';
import { prepareDigest } from '../core/digest/build-digest.ts';
import type { IsoWeek } from '../core/digest/iso-week.ts';
import { createDigestDeps } from '../create-digest-deps.ts';

/** The example history's outage morning, Tue 2026-11-10 (examples/README.md), falls in this week. */
export const DEMO_OUTAGE_WEEK: IsoWeek = { year: 2026, week: 46 };

/** Prints the outage week's digest and writes its chart as PNG into `chartDir`. */
export async function printDemoDigest(
  out: NodeJS.WritableStream,
  verbatim: Pick<Verbatim, 'storage' | 'directory'>,
  input: { file: ConfigFile; now: Date; chartDir: string },
): Promise<void> {
  const deps = createDigestDeps({ db: verbatim.storage.db, file: input.file, directory: verbatim.directory });
  const digest = await prepareDigest(deps, { week: DEMO_OUTAGE_WEEK, teamId: null, now: input.now });
  out.write(`\n${'─'.repeat(72)}\n`);
  out.write(renderDigestText(digest));
  try {
    const chart = await renderDigestChart(digest);
    if (!chart) {
      out.write('(no chart: no topic rose or fell)\n');
      return;
    }
    await mkdir(input.chartDir, { recursive: true });
    const path = join(input.chartDir, `digest-${digest.week}.png`);
    await writeFile(path, chart.png);
    out.write(`Chart: ${path}\n`);
  } catch (error) {
    out.write(`(the chart could not be rendered: ${String(error)})\n`);
  }
}
