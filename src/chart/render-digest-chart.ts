import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import type { Digest } from '../core/digest/digest.ts';
import { digestCopy } from '../core/digest/digest-copy.ts';

/** The font shipped in the repository (DejaVu Sans; see assets/fonts/README.md). */
export const CHART_FONT_FILE = fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url));
const FONT_FAMILY = 'DejaVu Sans';

export interface DigestChart {
  png: Uint8Array;
  svg: string;
  /** Alt text for the image, in the digest's language. */
  alt: string;
}

/** The vega-lite spec: one line per charted topic, weekly counts over the baseline and the week. */
export function digestChartSpec(digest: Digest): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 640,
    height: 320,
    background: 'white',
    padding: 12,
    title: { text: digestCopy(digest.language).title(digest.week, digest.team), font: FONT_FAMILY },
    data: { values: digest.chart },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'week', type: 'ordinal', title: null, axis: { labelAngle: -30 } },
      y: { field: 'count', type: 'quantitative', title: 'requests / week', axis: { tickMinStep: 1 } },
      color: { field: 'label', type: 'nominal', title: null, legend: { orient: 'right' } },
    },
    config: {
      font: FONT_FAMILY,
      axis: { labelFont: FONT_FAMILY, titleFont: FONT_FAMILY },
      legend: { labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, labelLimit: 200 },
    },
  };
}

/**
 * Renders the digest chart server-side with no browser: vega-lite → vega → SVG, then resvg
 * rasterises it to PNG with the shipped font only (system fonts off), so output is the same
 * everywhere. Returns null when there is nothing to chart.
 *
 * vega, vega-lite and resvg are imported here, on the first chart, not when the bot starts: together
 * they hold about 30 MB of a process that draws a chart once a week per team (docs/performance.md,
 * "Memory"). Node caches the modules after the first digest.
 */
export async function renderDigestChart(digest: Digest): Promise<DigestChart | null> {
  if (digest.chart.length === 0) return null;
  const [{ Resvg }, { parse: parseVega, View }, { compile }] = await Promise.all([
    import('@resvg/resvg-js'),
    import('vega'),
    import('vega-lite'),
  ]);
  const vegaSpec = compile(digestChartSpec(digest)).spec;
  const view = new View(parseVega(vegaSpec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const resvg = new Resvg(svg, {
      background: 'white',
      fitTo: { mode: 'zoom', value: 2 },
      font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    });
    return { png: resvg.render().asPng(), svg, alt: digestCopy(digest.language).chartAlt(digest.week) };
  } finally {
    view.finalize();
  }
}
