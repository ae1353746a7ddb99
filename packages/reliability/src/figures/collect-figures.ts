// Turns the run's appended rows into figures.json (sorted by section, environment noted).
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { SECTIONS, type Figure, type FiguresFile } from './figure.js';
import { FIGURE_LINES_PATH, FIGURES_PATH, OUTPUT_DIRECTORY } from './figures-path.js';

/** Removes the previous run's rows, so a run reports only itself. */
export function resetFigures(): void {
  rmSync(FIGURE_LINES_PATH, { force: true });
}

/**
 * Reads the rows appended during the run, writes `figures.json` and returns its content.
 * @example
 * const file = collectFigures(); console.log(file.figures.length);
 */
export function collectFigures(): FiguresFile {
  const lines = existsSync(FIGURE_LINES_PATH)
    ? readFileSync(FIGURE_LINES_PATH, 'utf8').split('\n').filter(Boolean)
    : [];
  const figures = lines
    .map((line) => JSON.parse(line) as Figure)
    .sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section));
  const file: FiguresFile = {
    finishedAt: new Date().toISOString(),
    environment: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: availableParallelism(),
      soak: process.env.CONCUR_SOAK === 'full' ? 'full' : 'ci',
    },
    figures,
  };
  mkdirSync(OUTPUT_DIRECTORY, { recursive: true });
  writeFileSync(FIGURES_PATH, JSON.stringify(file, null, 2) + '\n');
  return file;
}

/** Reads the last run's `figures.json`. @throws Error naming the command when it is missing. */
export function readFigures(): FiguresFile {
  if (!existsSync(FIGURES_PATH)) {
    throw new Error(`No figures at ${FIGURES_PATH}: run \`npx nx run reliability:test\` first.`);
  }
  return JSON.parse(readFileSync(FIGURES_PATH, 'utf8')) as FiguresFile;
}
