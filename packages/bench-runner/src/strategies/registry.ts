// Every strategy by name. Libraries load inside `create()`, so a measuring process only ever
// loads the one library its group measures.
import { concurEventLoopStrategy } from './concur-event-loop.js';
import { concurProcessesStrategy } from './concur-processes.js';
import { concurThreadsStrategy } from './concur-threads.js';
import { distributedStrategy } from './distributed.js';
import { piscinaStrategy } from './piscina.js';
import { poolifierStrategy } from './poolifier.js';
import { rawProcessesStrategy } from './raw-processes.js';
import { rawThreadsStrategy } from './raw-threads.js';
import { sequentialStrategy } from './sequential.js';
import type { Strategy } from './strategy.js';
import { tinypoolProcessesStrategy } from './tinypool-processes.js';
import { tinypoolThreadsStrategy } from './tinypool-threads.js';
import { workerpoolStrategy } from './workerpool.js';

const STRATEGIES: readonly Strategy[] = [
  sequentialStrategy,
  concurEventLoopStrategy,
  concurThreadsStrategy,
  concurProcessesStrategy,
  rawThreadsStrategy,
  rawProcessesStrategy,
  piscinaStrategy,
  tinypoolThreadsStrategy,
  tinypoolProcessesStrategy,
  workerpoolStrategy,
  poolifierStrategy,
  distributedStrategy,
];

/** The names of every strategy, in report order. */
export const STRATEGY_NAMES: readonly string[] = STRATEGIES.map((strategy) => strategy.name);

/**
 * Returns the strategy called `name`.
 * @throws TypeError naming the known strategies when there is none by that name.
 * @example
 * getStrategy('piscina').label; // 'piscina'
 */
export function getStrategy(name: string): Strategy {
  const strategy = STRATEGIES.find((candidate) => candidate.name === name);
  if (strategy === undefined) {
    throw new TypeError(
      `Unknown strategy \`${name}\`; known: ${STRATEGY_NAMES.map((n) => `\`${n}\``).join(', ')}.`,
    );
  }
  return strategy;
}
