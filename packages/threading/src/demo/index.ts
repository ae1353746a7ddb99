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

const { values, positionals } = parseArgs({
  options: { 'delay-ms': { type: 'string', default: String(TUTORIAL_DELAY_MS) } },
  allowPositionals: true,
});
const delayMs = Number(values['delay-ms']);
if (values['delay-ms'].trim() === '' || !Number.isFinite(delayMs) || delayMs < 0) {
  throwInvalid('--delay-ms', 'a non-negative number of milliseconds', values['delay-ms']);
}
const names = positionals.length === 0 ? (Object.keys(DEMOS) as DemoName[]) : positionals;
for (const name of names) {
  if (!(name in DEMOS))
    throwInvalid('demo name', `one of ${Object.keys(DEMOS).join(', ')}`, name, 'argument');
}
for (const [index, name] of names.entries()) {
  if (index > 0) console.log();
  await DEMOS[name as DemoName](delayMs);
}
