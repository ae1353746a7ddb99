#!/usr/bin/env node
// `nx run reliability:report`: prints the figures table of the last suite run from its JSON.
import { readFigures } from '../figures/collect-figures.js';
import { formatFigures } from './format-table.js';

try {
  console.log(formatFigures(readFigures()));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
