const SPARK = '▁▂▃▄▅▆▇█';

/** A sparkline of health scores 0–100 (gaps as spaces), for every platform's trend line. */
export function sparkline(scores: Array<number | null>): string {
  return scores
    .map((score) => (score === null ? ' ' : SPARK[Math.min(7, Math.floor((score / 100) * 8))]))
    .join('');
}
