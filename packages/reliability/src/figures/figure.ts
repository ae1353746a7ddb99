// The shape of one figure the suite records: a row of a section's table, plus an optional
// curve (resident memory samples of a soak run).

/** The suite's sections, in the order the report prints them. */
export const SECTIONS = ['crash', 'exit', 'soak', 'input', 'values', 'security'] as const;

/** One of {@link SECTIONS}. */
export type Section = (typeof SECTIONS)[number];

/** A cell of a figure's row. */
export type FigureValue = number | string | boolean;

/**
 * One row of the figures table.
 * @example
 * const row: Figure = { section: 'crash', subject: 'thread: process.exit(3)',
 *   values: { settledMs: 41, othersCompleted: true, pending: 0 } };
 */
export interface Figure {
  /** The table the row belongs to. */
  readonly section: Section;
  /** What was measured (the row label). */
  readonly subject: string;
  /** The measured values, by column name. */
  readonly values: Readonly<Record<string, FigureValue>>;
  /** Samples over time (e.g. resident memory in MiB), printed as a short series. */
  readonly curve?: readonly number[];
}

/** What `figures.json` holds. */
export interface FiguresFile {
  /** When the run finished (ISO 8601). */
  readonly finishedAt: string;
  /** Node version, platform and CPU count of the run. */
  readonly environment: Readonly<Record<string, string | number>>;
  /** Every recorded figure, in section order. */
  readonly figures: readonly Figure[];
}
