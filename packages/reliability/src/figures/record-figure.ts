// Appends one figure to the run's line file; safe from several test processes at once
// because each row is one small O_APPEND write.
import { appendFileSync, mkdirSync } from 'node:fs';
import type { Figure } from './figure.js';
import { FIGURE_LINES_PATH, OUTPUT_DIRECTORY } from './figures-path.js';

/**
 * Records a row of the figures table for this run.
 * @param figure - the row; its values must be JSON-serializable.
 * @throws TypeError when `figure.section` or `figure.subject` is missing.
 * @example
 * recordFigure({ section: 'exit', subject: 'never shut down', values: { exitedMs: 180 } });
 */
export function recordFigure(figure: Figure): void {
  if (typeof figure.subject !== 'string' || figure.subject === '') {
    throw new TypeError('Expected the `subject` of a figure to be a non-empty string.');
  }
  mkdirSync(OUTPUT_DIRECTORY, { recursive: true });
  appendFileSync(FIGURE_LINES_PATH, JSON.stringify(figure) + '\n');
}
