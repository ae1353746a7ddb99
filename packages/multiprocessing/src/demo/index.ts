// Demo entry (`nx run multiprocessing:demo`): the tutorial's section 3 and a producer /
// consumer over a Queue. `--delay-ms N` shortens the sleeps; `--only tutorial|queue` picks one.
import { parseArgs } from 'node:util';
import { isMainModule } from '../identity/main-module.js';
import { runProducerConsumer } from './producer-consumer.js';
import { runTutorialProcesses } from './tutorial-processes.js';

/** The tutorial's `time.sleep(1)`, in milliseconds. */
const DEFAULT_DELAY_MS = 1000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'delay-ms': { type: 'string' }, only: { type: 'string' } },
  });
  const delayMs = Number(values['delay-ms'] ?? DEFAULT_DELAY_MS);
  if (!Number.isFinite(delayMs) || delayMs < 0) {
    throw new TypeError(
      `Expected \`--delay-ms\` to be a non-negative number, got \`${values['delay-ms']}\`.`,
    );
  }
  if (values.only === undefined || values.only === 'tutorial') {
    console.log('== Section 3: three processes ==');
    await runTutorialProcesses(delayMs);
  }
  if (values.only === undefined || values.only === 'queue') {
    console.log('== Producer / consumer over a Queue ==');
    await runProducerConsumer(delayMs);
  }
}

// Python's `if __name__ == "__main__":` — children import modules to find tasks, so only
// the script Node started runs this block.
if (isMainModule(import.meta.url)) await main();
