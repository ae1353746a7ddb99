// @concur/reliability: the figures the reliability suite records and the report that prints
// them; the suite itself lives in test/ (fault injection, exit, soak, bad input, security).
export { SECTIONS } from './figures/figure.js';
export type { Figure, FigureValue, FiguresFile, Section } from './figures/figure.js';
export {
  FIGURES_PATH,
  FIGURE_LINES_PATH,
  OUTPUT_DIRECTORY,
  PACKAGE_ROOT,
} from './figures/figures-path.js';
export { recordFigure } from './figures/record-figure.js';
export { collectFigures, readFigures, resetFigures } from './figures/collect-figures.js';
export { formatFigures, formatTotals } from './report/format-table.js';
