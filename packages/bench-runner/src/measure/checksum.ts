// Checksums a job's results so every model's output can be compared with sequential's:
// a wrong result is caught, never timed.
import { checksumBytes } from '@concur/core/workloads';

function fold(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function describe(value: unknown): string {
  if (value instanceof Uint8Array) return `bytes:${value.byteLength}:${checksumBytes(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner instanceof Uint8Array ? `bytes:${inner.byteLength}:${checksumBytes(inner)}` : inner,
  );
}

/**
 * FNV-1a over the printed results, in task order.
 * @example
 * checksumResults([1, 2, 3]) === checksumResults([1, 2, 3]); // true
 */
export function checksumResults(results: readonly unknown[]): number {
  let hash = 0x811c9dc5;
  for (const value of results) hash = fold(hash, `${describe(value)}|`);
  return hash;
}
