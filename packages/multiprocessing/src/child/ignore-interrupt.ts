// Child side: a pool worker ignores SIGINT. Ctrl-C in a terminal signals the whole process
// group; the parent then lets running tasks finish and stops its workers itself, and a worker
// killed by that SIGINT would fail the very task the parent is waiting for.
import { IGNORE_INTERRUPT_VARIABLE } from '../process-environment.js';

/** Installs a no-op SIGINT listener when the parent asked for it (pool workers). */
export function ignoreInterruptWhenAsked(): void {
  if (process.env[IGNORE_INTERRUPT_VARIABLE] !== '1') return;
  // The parent's graceful stop, SIGTERM, SIGKILL and the orphan watchdog still end the child.
  process.on('SIGINT', ignoreInterrupt);
}

function ignoreInterrupt(): void {}
