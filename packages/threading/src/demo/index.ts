// The threading demos, runnable: `nx run threading:demo` or
// `node dist/demo/index.js [--delay-ms 1000] [threads|async|class|race ...]`.
import { parseArgs } from 'node:util';
import { throwInvalid } from '@concur/core';
import { TUTORIAL_DELAY_MS } from '@concur/core/workloads';
import { runClassExample } from './class-example.js';
import { runNumbersLettersAsync } from './numbers-letters-async.js';
import { runNumbersLettersThreads } from './numbers-letters-threads.js';
import { runRaceCondition } from './race-condition.js';

const DEMOS = {
  threads: runNumbersLettersThreads,
  async: runNumbersLettersAsync,
  class: runClassExample,
  race: runRaceCondition,
} as const;
type DemoName = keyof typeof DEMOS;

/** Reads the command line. @throws TypeError for a bad `--delay-ms` or demo name. */
function parseCommandLine(): { delayMs: number; names: DemoName[] } {
  const { values, positionals } = parseArgs({
    options: { 'delay-ms': { type: 'string', default: String(TUTORIAL_DELAY_MS) } },
    allowPositionals: true,
  });
  const delayMs = Number(values['delay-ms']);
  if (values['delay-ms'].trim() === '' || !Number.isFinite(delayMs) || delayMs < 0) {
    throwInvalid('--delay-ms', 'a non-negative number of milliseconds', values['delay-ms']);
  }
  const names = positionals.length === 0 ? Object.keys(DEMOS) : positionals;
  for (const name of names) {
    if (!(name in DEMOS))
      throwInvalid('demo name', `one of ${Object.keys(DEMOS).join(', ')}`, name, 'argument');
  }
  return { delayMs, names: names as DemoName[] };
}

let commandLine: { delayMs: number; names: DemoName[] } | undefined;
try {
  commandLine = parseCommandLine();
} catch (error) {
  // A usage error: the message says what to fix; a stack would only hide it.
  console.error((error as Error).message);
  process.exitCode = 2;
}
for (const [index, name] of (commandLine?.names ?? []).entries()) {
  if (index > 0) console.log();
  await DEMOS[name](commandLine!.delayMs);
}
