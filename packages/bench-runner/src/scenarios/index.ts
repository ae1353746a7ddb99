// Every scenario in report order, and the filter that selects configurations.
import type { ConfigSpec } from '../measure/plan.js';
import { cpuScalingScenario } from './cpu-scaling.js';
import { crossoverScenario } from './crossover.js';
import { customWorkloadScenario } from './custom-workload.js';
import { distributedScenario } from './distributed.js';
import { ioBoundScenario } from './io-bound.js';
import { overheadsScenario } from './overheads.js';
import { peersScenario } from './peers.js';
import type { Scenario, ScenarioContext } from './scenario.js';
import { tutorialCpuScenario } from './tutorial-cpu.js';
import { tutorialSquareScenario } from './tutorial-square.js';

/** All scenarios, in the order the report shows them. */
export const SCENARIOS: readonly Scenario[] = [
  tutorialCpuScenario,
  tutorialSquareScenario,
  cpuScalingScenario,
  crossoverScenario,
  ioBoundScenario,
  overheadsScenario,
  peersScenario,
  distributedScenario,
  customWorkloadScenario,
];

/**
 * Plans every scenario and keeps the configurations whose id contains one of `filter`
 * (all when empty). Sequential rows of a kept scenario stay, since they are the baseline.
 */
export function planScenarios(context: ScenarioContext, filter: readonly string[]): ConfigSpec[] {
  const all = SCENARIOS.flatMap((scenario) => scenario.plan(context));
  if (filter.length === 0) return all;
  return all.filter((config) => filter.some((term) => config.id.includes(term)));
}
