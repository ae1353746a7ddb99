// Where the suite keeps its figures: rows appended during the run, the merged JSON after it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found from this file in `src/figures/` or `dist/figures/`. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The folder the suite writes into (git-ignored). */
export const OUTPUT_DIRECTORY = join(PACKAGE_ROOT, 'test-output');

/** Rows appended one JSON line each while test files run (they may run in other processes). */
export const FIGURE_LINES_PATH = join(OUTPUT_DIRECTORY, 'figures.jsonl');

/** The merged figures of the last run, read by `nx run reliability:report`. */
export const FIGURES_PATH = join(OUTPUT_DIRECTORY, 'figures.json');
