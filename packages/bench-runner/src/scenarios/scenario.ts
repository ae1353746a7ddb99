// What a scenario is: a question, the configurations that answer it, and how its results
// are charted. Scenarios only plan; measuring and reporting are generic.
import type { Calibration } from '../measure/child-protocol.js';
import type { ConfigSpec } from '../measure/plan.js';
import type { Profile } from '../options/profiles.js';

/** How the report presents a scenario. */
export type ScenarioView = 'table' | 'scaling' | 'crossover' | 'io' | 'overheads' | 'peers';

/** What planning may depend on. */
export interface ScenarioContext {
  readonly profile: Profile;
  readonly effectiveCpus: number;
  /** Worker counts for the scaling scenario. */
  readonly workerGrid: readonly number[];
  /** The pool size every other scenario uses. */
  readonly poolSize: number;
  readonly calibration: Calibration;
  /** The user's own task from `--workload`. */
  readonly customTask: { readonly moduleUrl: string; readonly exportName: string } | undefined;
}

/** A benchmark scenario. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  /** The question it answers, in one sentence. */
  readonly question: string;
  readonly view: ScenarioView;
  /** The configurations to measure (ids must start with `<scenario id>/`). */
  plan(context: ScenarioContext): ConfigSpec[];
}

/** Builds a configuration id from its parts. */
export function configId(
  scenario: string,
  strategy: string,
  ...details: (string | number)[]
): string {
  return [scenario, strategy, ...details.map(String)].join('/');
}

/** Spin iterations that take `durationUs` in a warm worker. */
export function iterationsFor(durationUs: number, calibration: Calibration): number {
  return Math.max(1, Math.round((durationUs / 1000) * calibration.workerIterationsPerMs));
}
