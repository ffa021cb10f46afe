/** Where progress goes: stderr, rewritten in place on a terminal, one line every few seconds in a log. */
export interface ProgressSink {
  readonly isTTY: boolean;
  write(text: string): void;
}

export interface Progress {
  /** Counts by label, e.g. `{ items: 1200, objects: 40 }`; `total` (when known) gives a rate-based ETA. */
  update(counts: Readonly<Record<string, number>>, total?: number): void;
  done(): void;
}

const LOG_INTERVAL_MS = 5_000;
const TTY_INTERVAL_MS = 200;

/**
 * Progress on stderr for work that can take more than a second: what has been
 * scanned, the rate, and an ETA when the total is known. Never on stdout, which
 * holds the report.
 */
export function createProgress(label: string, sink: ProgressSink, now: () => number = Date.now): Progress {
  const started = now();
  let lastWrite = 0;
  let pending = '';
  const render = (counts: Readonly<Record<string, number>>, total?: number): string => {
    const elapsedS = Math.max((now() - started) / 1000, 0.001);
    const handled = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const rate = handled / elapsedS;
    const parts = Object.entries(counts).map(([name, count]) => `${count} ${name}`);
    const eta = total !== undefined && rate > 0 && total > handled ? `, ETA ${Math.ceil((total - handled) / rate)} s` : '';
    return `${label}: ${parts.join(', ')} (${rate.toFixed(0)}/s${eta})`;
  };
  return {
    update(counts, total) {
      pending = render(counts, total);
      const interval = sink.isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS;
      if (now() - lastWrite >= interval) {
        lastWrite = now();
        sink.write(sink.isTTY ? `\r\x1b[2K${pending}` : `${pending}\n`);
      }
    },
    done() {
      if (pending !== '') {
        sink.write(sink.isTTY ? `\r\x1b[2K${pending}\n` : `${pending}\n`);
      }
    },
  };
}
