// Global setup: clears the previous run's figure rows, and after the last test file merges
// them into test-output/figures.json and prints the table.
import { collectFigures, resetFigures } from '../../src/figures/collect-figures.js';
import { formatFigures } from '../../src/report/format-table.js';

export default function setup(): () => void {
  resetFigures();
  return () => {
    const file = collectFigures();
    if (file.figures.length > 0) console.log('\n' + formatFigures(file) + '\n');
  };
}
