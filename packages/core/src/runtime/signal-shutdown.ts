// Graceful shutdown of live pools when this process gets SIGINT or SIGTERM and nobody else
// handles it: queued work is cancelled, running tasks may finish (bounded), workers stop,
// then the signal is raised again so the process still ends the way the signal says.
import { isMainThread } from 'node:worker_threads';
import { validateBoolean, validateDuration, validateOptionsObject } from '../options/validate.js';

/** What a pool gives the signal handler while it has workers. */
export interface SignalShutdownParticipant {
  /** How many tasks run now (for the one-line notice). */
  countRunningTasks(): number;
  /** Stops taking work, cancels queued work, lets running tasks finish, stops the workers. */
  close(): Promise<void>;
  /** Ends every worker now (grace period over, or a second signal). Resolves when all exited. */
  terminate(): Promise<void>;
}

/** Options of {@link configureSignalShutdown}. */
export interface SignalShutdownOptions {
  /** Whether pools shut down gracefully on SIGINT / SIGTERM. @default true */
  enabled?: boolean;
  /**
   * How long running tasks may take to finish after the signal, in ms; then their workers are
   * killed. Below Docker's 10 s stop timeout, so we finish before a supervisor's SIGKILL.
   * @default 5000
   */
  timeout?: number;
}

/** The signals handled: Ctrl-C and a supervisor's stop. Others keep Node's default. */
export const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
/** Default grace for running tasks after the signal, in ms (see `timeout`). */
export const SIGNAL_SHUTDOWN_TIMEOUT_MS = 5000;
/**
 * How often the signal is raised again until it ends the process, in ms. A raise can be
 * swallowed: when the last other listener (signal-exit's, via execa) is removed between the
 * raise and its delivery, Node drops the pending signal; the next raise meets the default.
 */
const RERAISE_INTERVAL_MS = 100;

const participants = new Set<SignalShutdownParticipant>();
let enabled = true;
let timeoutMs = SIGNAL_SHUTDOWN_TIMEOUT_MS;
let installed = false;
/** The signal being handled, once one arrived. */
let handling: NodeJS.Signals | undefined;
let forced = false;

/**
 * Sets how pools react to SIGINT and SIGTERM. By default, when such a signal arrives and no
 * listener of the application's own handles it, every live pool cancels its queued work, lets
 * running tasks finish for up to `timeout` ms (then kills their workers), stops its workers and
 * the signal is raised again, so the process ends by that signal (exit status 130 / 143). A
 * second signal kills the workers at once. With a listener of its own the application owns the
 * signal and pools are left alone.
 * @throws TypeError for a bad option.
 * @example
 * configureSignalShutdown({ timeout: 30_000 }); // long tasks: give them 30 s
 * configureSignalShutdown({ enabled: false }); // Node's default: the signal ends the process
 */
export function configureSignalShutdown(options: SignalShutdownOptions): void {
  const raw = validateOptionsObject('configureSignalShutdown()', options, ['enabled', 'timeout']);
  if (raw.enabled !== undefined) enabled = validateBoolean('enabled', raw.enabled);
  if (raw.timeout !== undefined) timeoutMs = validateDuration('timeout', raw.timeout);
  updateListeners();
}

/**
 * Registers a pool with workers; returns the function that unregisters it. Listeners exist only
 * while a pool has workers, so a process without live pools keeps Node's default behaviour.
 * In a worker thread it does nothing: signals are delivered to the main thread.
 */
export function addSignalShutdown(participant: SignalShutdownParticipant): () => void {
  if (!isMainThread) return () => undefined; // signals reach the main thread only
  participants.add(participant);
  updateListeners();
  return () => {
    participants.delete(participant);
    updateListeners();
  };
}

function updateListeners(): void {
  if (handling !== undefined) return; // kept until the signal is raised again
  const wanted = enabled && participants.size > 0;
  if (wanted === installed) return;
  installed = wanted;
  for (const signal of SHUTDOWN_SIGNALS) {
    if (wanted) process.on(signal, onSignal);
    else process.off(signal, onSignal);
  }
}

function onSignal(signal: NodeJS.Signals): void {
  if (handling !== undefined) {
    if (!forced) void terminateAll(); // a second signal: stop now
    return;
  }
  if (applicationHandles(signal)) return;
  handling = signal;
  const running = [...participants].reduce((sum, p) => sum + p.countRunningTasks(), 0);
  if (running > 0) {
    process.stderr.write(
      `concur: ${signal}: letting ${running} running task${running === 1 ? '' : 's'} finish ` +
        `(at most ${timeoutMs} ms; ${signal} again stops ${running === 1 ? 'it' : 'them'} now)\n`,
    );
  }
  // Referenced: the process must live until the pools are down and the signal is raised again.
  const grace = setTimeout(() => void terminateAll(), timeoutMs);
  void Promise.allSettled([...participants].map((p) => p.close())).then(() => {
    clearTimeout(grace);
    reraise(signal);
  });
}

async function terminateAll(): Promise<void> {
  forced = true;
  await Promise.allSettled([...participants].map((p) => p.terminate()));
}

/** Gives the signal back to Node: without our listeners, its default action ends the process. */
function reraise(signal: NodeJS.Signals): void {
  for (const name of SHUTDOWN_SIGNALS) process.off(name, onSignal);
  installed = false;
  const raise = () => {
    // An application listener added meanwhile owns the signal now: stop raising it.
    if (applicationHandles(signal)) clearInterval(retry);
    else process.kill(process.pid, signal);
  };
  // Referenced: the process lives until the signal has ended it.
  const retry = setInterval(raise, RERAISE_INTERVAL_MS);
  raise();
}

/**
 * Whether a listener other than ours and signal-exit's is on `signal`: then the application
 * owns it (Node does not end the process) and pools stay up. signal-exit (used by execa and
 * for socket directories) publishes its listener count for exactly this kind of check.
 */
function applicationHandles(signal: NodeJS.Signals): boolean {
  const others = process.listeners(signal).filter((listener) => listener !== onSignal).length;
  return others > countSignalExitListeners();
}

function countSignalExitListeners(): number {
  const modern = (globalThis as Record<symbol, { count?: unknown } | undefined>)[
    Symbol.for('signal-exit emitter')
  ];
  const legacy = (process as { __signal_exit_emitter__?: { count?: unknown } })
    .__signal_exit_emitter__;
  return [modern?.count, legacy?.count].reduce<number>(
    (sum, count) => sum + (typeof count === 'number' ? count : 0),
    0,
  );
}
