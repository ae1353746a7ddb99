// The figures table: one Markdown table per section with the union of columns, curves
// shortened, and the crash totals line the issue asks for.
import { describe, expect, it } from 'vitest';
import { formatFigures, formatTotals } from '../../src/report/format-table.js';
import type { Figure } from '../../src/figures/figure.js';

const figures: Figure[] = [
  { section: 'crash', subject: 'thread: exit', values: { injected: 1, pending: 0, ok: true } },
  { section: 'crash', subject: 'process: kill', values: { injected: 1, pending: 1, ok: false } },
  {
    section: 'soak',
    subject: 'map',
    values: { items: 10, seconds: 1.25 },
    curve: Array.from({ length: 30 }, (_, index) => 100 + index),
  },
];

describe('formatFigures', () => {
  it('prints a table per section, columns in first-seen order, pipes escaped', () => {
    const text = formatFigures({
      finishedAt: '2026-01-01T00:00:00.000Z',
      environment: { node: 'v20', cpus: 2 },
      figures: [...figures, { section: 'exit', subject: 'a|b', values: { ok: true } }],
    });
    expect(text).toContain('(2026-01-01T00:00:00.000Z; node v20, cpus 2)');
    expect(text).toContain(
      '### Crash matrix\n\n| subject | injected | pending | ok |\n|---|---|---|---|',
    );
    expect(text).toContain('| process: kill | 1 | 1 | false |');
    expect(text).toContain('| a\\|b | true |');
    expect(text).toContain('| map | 10 | 1.3 | 100 103 106 109 112 115 118 121 124 127 129 |');
    expect(text.indexOf('### Crash matrix')).toBeLessThan(text.indexOf('### Exit'));
  });

  it('sums injected crashes and pending futures, and counts rows not ok', () => {
    expect(formatTotals(figures)).toBe(
      'crashes injected: 2 / futures left pending: 1; rows not ok: 1 of 3',
    );
  });
});
