// One-line progress on stderr, written only between measuring processes (the orchestrator
// sleeps on IPC while a child measures), with an ETA from the time per process so far.

/** The progress reporter of one run. */
export interface Progress {
  start(label: string): void;
  done(): void;
  failed(reason: string): void;
  finish(): void;
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/**
 * Creates a progress reporter for `total` steps (plain lines; `\r` redraw on a TTY).
 * @example
 * const progress = createProgress(10);
 */
export function createProgress(total: number): Progress {
  const interactive = process.stderr.isTTY === true && !process.env['CI'];
  const runStarted = Date.now();
  let stepStarted = runStarted;
  let finished = 0;
  let label = '';
  const write = (line: string, final: boolean): void => {
    if (interactive) process.stderr.write(`\r\u001b[2K${line}${final ? '\n' : ''}`);
    else if (final) process.stderr.write(`${line}\n`);
  };
  return {
    start(next) {
      label = next;
      stepStarted = Date.now();
      write(`[${finished + 1}/${total}] ${label} …`, false);
    },
    done() {
      finished++;
      const elapsed = Date.now() - runStarted;
      const eta = (elapsed / finished) * (total - finished);
      write(
        `[${finished}/${total}] ${label} · ${formatSeconds(Date.now() - stepStarted)} · ETA ${formatSeconds(eta)}`,
        true,
      );
    },
    failed(reason) {
      finished++;
      write(`[${finished}/${total}] ${label} FAILED: ${reason.split('\n')[0]}`, true);
    },
    finish() {
      write(`measured in ${formatSeconds(Date.now() - runStarted)}`, true);
    },
  };
}
