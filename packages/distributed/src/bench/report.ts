// Bench: prints results as aligned text tables, with the environment they were measured in.
import { cpus, loadavg } from 'node:os';

/** Formats a number with `digits` decimals, or `∞`. */
export function formatNumber(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '∞';
}

/** Renders rows as a table with a header line; columns are padded to their widest cell. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    row.map((cell, column) => cell.padStart(widths[column]!)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A one-line description of this machine. */
export function describeEnvironment(redisVersion: string): string {
  const cpu = cpus();
  return (
    `node ${process.version}, ${process.platform}/${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ` +
    `load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}, redis ${redisVersion}`
  );
}
