// Assembles the JSON report from a run's inputs and raw measurements, and recomputes the
// derived summaries of a stored report (so re-rendering never trusts stale numbers).
import type { GroupResult } from '../measure/plan.js';
import { SCENARIOS } from '../scenarios/index.js';
import { getStrategy } from '../strategies/registry.js';
import { REPORT_SCHEMA, type BenchReport, type StrategyRecord } from './schema.js';
import { summarizeConfig } from './summarize.js';

/** What a finished run hands the report: the report's own run fields, plus the raw groups. */
export type RunRecord = Pick<
  BenchReport,
  | 'command'
  | 'profile'
  | 'seed'
  | 'rounds'
  | 'wallMs'
  | 'environment'
  | 'calibration'
  | 'poolSize'
  | 'workerGrid'
  | 'configs'
> & { readonly groups: readonly GroupResult[] };

function describeStrategy(name: string): StrategyRecord {
  try {
    const { label, model, origin } = getStrategy(name);
    return { name, label, model, origin };
  } catch {
    return { name, label: name, model: 'unknown', origin: 'unknown' };
  }
}

/** Builds the report (summaries included) from a run. */
export function createReport(run: RunRecord): BenchReport {
  const scenarioIds = new Set(run.configs.map((config) => config.scenario));
  const report: BenchReport = {
    schema: REPORT_SCHEMA,
    createdAt: new Date().toISOString(),
    command: run.command,
    profile: run.profile,
    seed: run.seed,
    rounds: run.rounds,
    wallMs: run.wallMs,
    environment: run.environment,
    calibration: run.calibration,
    poolSize: run.poolSize,
    workerGrid: run.workerGrid,
    scenarios: SCENARIOS.filter((s) => scenarioIds.has(s.id)).map(
      ({ id, title, question, view }) => ({
        id,
        title,
        question,
        view,
      }),
    ),
    strategies: [...new Set(run.configs.map((config) => config.strategy))].map(describeStrategy),
    configs: run.configs,
    measurements: run.groups.flatMap((group) => group.rounds),
    summaries: [],
  };
  return recomputeSummaries(report);
}

/** Returns the report with its summaries recomputed from the raw measurements. */
export function recomputeSummaries(report: BenchReport): BenchReport {
  return {
    ...report,
    summaries: report.configs.map((config) =>
      summarizeConfig(
        config,
        report.measurements,
        report.environment.effectiveCpus,
        report.rounds,
        report.seed,
      ),
    ),
  };
}

/**
 * Parses a stored report and checks it is one.
 * @throws TypeError naming the file when it is not a concur bench report.
 */
export function parseReport(text: string, file: string): BenchReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new TypeError(`${file} is not valid JSON: ${(cause as Error).message}`);
  }
  const schema = (data as { schema?: unknown } | null)?.schema;
  if (schema !== REPORT_SCHEMA) {
    throw new TypeError(
      `${file} is not a bench-runner report: expected schema \`${REPORT_SCHEMA}\`, got \`${String(schema)}\`.`,
    );
  }
  return recomputeSummaries(data as BenchReport);
}
