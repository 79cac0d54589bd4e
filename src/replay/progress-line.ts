/** A one-line progress indicator: redrawn in place on a terminal, a line every 10 % otherwise. */
export function createProgressLine(
  out: NodeJS.WritableStream & { isTTY?: boolean },
  label: string,
  total: number,
) {
  let lastDecile = -1;
  const started = Date.now();
  return {
    update(done: number, note = '') {
      const fraction = total === 0 ? 1 : Math.min(1, done / total);
      if (out.isTTY) {
        const width = 30;
        const filled = Math.round(fraction * width);
        out.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${note}   `,
        );
        return;
      }
      const decile = Math.floor(fraction * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        out.write(`${label}: ${done}/${total} ${note}\n`);
      }
    },
    done(note = '') {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      out.write(
        `${out.isTTY ? '\r' : ''}${label}: ${total}/${total} done in ${seconds} s ${note}${out.isTTY ? '          ' : ''}\n`,
      );
    },
  };
}
