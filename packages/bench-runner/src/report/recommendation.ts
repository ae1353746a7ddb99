// The tutorial's Summary table rebuilt for Node from the measured numbers, and the plain-words
// recommendation: when to use worker threads, processes, or just the event loop.
import {
  computeCrossovers,
  describeCrossover,
  findSummary,
  formatMicros,
  summariesOf,
} from './analysis.js';
import { formatMs, formatRate, formatRatio } from './format.js';
import type { BenchReport, ConfigSummary } from './schema.js';

/** The event loop "keeps up" for I/O when it reaches this fraction of the thread pool's rate. */
const IO_MATCH_FRACTION = 0.9;

function best(summaries: readonly ConfigSummary[]): ConfigSummary | undefined {
  return summaries
    .filter((s) => s.throughputPerS !== undefined)
    .sort((a, b) => b.throughputPerS! - a.throughputPerS!)[0];
}

function ioAtTopLimit(report: BenchReport, strategy: string): ConfigSummary | undefined {
  const mine = summariesOf(report, 'io').filter(
    (s) => s.strategy === strategy && s.series?.startsWith('timer:'),
  );
  const top = Math.max(...mine.map((s) => s.inFlight ?? 0));
  return mine.find((s) => s.inFlight === top);
}

function perTask(summary: ConfigSummary | undefined): string {
  return summary?.medianJobMs === undefined ? '—' : formatMs(summary.medianJobMs / summary.tasks);
}

/** The plain-words recommendation, from the crossover and I/O measurements. */
export function recommend(report: BenchReport): string {
  const crossovers = computeCrossovers(report);
  const threads = crossovers.get('concur-threads');
  const processes = crossovers.get('concur-processes');
  const sentences: string[] = [];
  if (threads?.kind === 'crosses') {
    sentences.push(
      `On this machine, use worker threads for CPU tasks longer than about ${formatMicros(threads.durationUs)}; below that, run them inline.`,
    );
    if (threads.slowerAgainAtUs !== undefined) {
      sentences.push(
        `(This run is noisy: threads were slower than sequential again at ${formatMicros(threads.slowerAgainAtUs)}; rerun on a quieter machine or with more --rounds before relying on the threshold.)`,
      );
    }
  } else if (threads !== undefined) {
    sentences.push(
      `On this machine, worker threads were ${describeCrossover(threads)} for CPU tasks.`,
    );
  }
  if (processes?.kind === 'crosses') {
    sentences.push(
      `Child processes pay off from about ${formatMicros(processes.durationUs)} per task; prefer them only for isolation.`,
    );
  }
  const loop = ioAtTopLimit(report, 'concur-event-loop');
  const pool = ioAtTopLimit(report, 'concur-threads');
  if (loop?.throughputPerS !== undefined && pool?.throughputPerS !== undefined) {
    const rates = `${formatRate(loop.throughputPerS)} vs ${formatRate(pool.throughputPerS)} on a thread pool, timers at in-flight ${loop.inFlight}`;
    sentences.push(
      loop.throughputPerS >= IO_MATCH_FRACTION * pool.throughputPerS
        ? `Use the event loop for I/O: it keeps up with a thread pool without any workers (${rates}).`
        : `For I/O the event loop is the default, but in this run a thread pool moved more timers per second (${rates}); on a loaded machine the single main thread is the first to starve.`,
    );
  } else {
    sentences.push('Use the event loop for I/O: waiting needs no workers.');
  }
  return sentences.join(' ');
}

/** The tutorial's Summary table, rebuilt for Node with measured cells. */
export function renderSummaryTable(report: BenchReport): string[] {
  const crossovers = computeCrossovers(report);
  const cpu = (strategy: string): string => {
    const s = findSummary(report, 'peers', strategy, 'cpu');
    return s?.speedup === undefined ? '—' : `${formatRatio(s.speedup)} at ${s.workers} workers`;
  };
  const ttfr = (strategy: string): string =>
    formatMs(
      findSummary(report, 'peers', strategy, 'first-result')?.medianJobMs ??
        findSummary(report, 'overheads', strategy, 'first-result')?.medianJobMs,
    );
  const rtt = (strategy: string): string =>
    perTask(
      findSummary(report, 'peers', strategy, 'round-trip') ??
        findSummary(report, 'overheads', strategy, 'round-trip'),
    );
  const io = (strategy: string): string => {
    const s = ioAtTopLimit(report, strategy);
    return s === undefined
      ? '—'
      : `${formatRate(s.throughputPerS)} (timers, in-flight ${s.inFlight})`;
  };
  const bestIo = best(summariesOf(report, 'io').filter((s) => s.series?.startsWith('timer:')));
  return [
    '| Feature | Worker threads (ThreadPoolExecutor) | Child processes (ProcessPoolExecutor) | Event loop (EventLoopExecutor) |',
    '|---|---|---|---|',
    '| Type | Parallelism (one V8 isolate per thread) | Parallelism (one process per worker) | Concurrency (one thread) |',
    `| Best for | CPU tasks longer than ${describeCrossover(crossovers.get('concur-threads'))} | CPU tasks longer than ${describeCrossover(crossovers.get('concur-processes'))}, or isolation | I/O-bound work${bestIo?.strategy === 'concur-event-loop' ? ' (fastest measured)' : ''} |`,
    '| Memory | Separate heaps; SharedArrayBuffer can be shared | Separate | Shared |',
    '| GIL | None: JavaScript runs in parallel in each isolate | None | Not applicable: one thread |',
    `| Start-up to first result (measured) | ${ttfr('concur-threads')} | ${ttfr('concur-processes')} | none |`,
    `| Round trip per task (measured) | ${rtt('concur-threads')} | ${rtt('concur-processes')} | ${rtt('concur-event-loop')} |`,
    `| CPU-bound speedup (measured) | ${cpu('concur-threads')} | ${cpu('concur-processes')} | 1× at best (one thread) |`,
    `| I/O throughput (measured) | ${io('concur-threads')} | ${io('concur-processes')} | ${io('concur-event-loop')} |`,
  ];
}
