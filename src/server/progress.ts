/**
 * A progress line for long CLI work: rewritten in place on a terminal, one line every few
 * seconds otherwise (logs, CI). Writes to stderr so stdout stays clean for data.
 */
export interface ProgressLine {
  update(done: number, total: number): void;
  done(): void;
}

export function progressLine(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressLine {
  const started = Date.now();
  let lastPrint = 0;
  let last = { done: 0, total: 0 };
  const render = () => {
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    const pct = last.total > 0 ? ((last.done / last.total) * 100).toFixed(1) : '0.0';
    const rate = Math.round(last.done / secs).toLocaleString('en-US');
    return `${label}  ${last.done.toLocaleString('en-US')} / ${last.total.toLocaleString('en-US')}  ${pct}%  ${rate} 行/秒 rows/s`;
  };
  return {
    update(done, total) {
      last = { done, total };
      const now = Date.now();
      if (stream.isTTY) {
        if (now - lastPrint > 100) {
          stream.write(`\r${render()}`);
          lastPrint = now;
        }
      } else if (now - lastPrint > 5000) {
        stream.write(`${render()}\n`);
        lastPrint = now;
      }
    },
    done() {
      stream.write(stream.isTTY ? `\r${render()}\n` : `${render()}\n`);
    },
  };
}
