// A payload workload: bytes in, bytes out, for measuring the cost of moving data.
import { defineTask } from '../task/task-reference.js';

/**
 * Reads every byte of `input` and returns `outputBytes` bytes derived from them
 * (deterministic), so both directions of a transfer are exercised and checkable.
 * @param outputBytes - the size of the result. @default input.byteLength
 * @example
 * transformBytes(new Uint8Array([1, 2, 3])); // Uint8Array of 3 bytes
 */
export const transformBytes = defineTask(
  import.meta.url,
  function transformBytes(input: Uint8Array, outputBytes: number = input.byteLength) {
    let sum = 0;
    for (let i = 0; i < input.byteLength; i++) sum = (sum + input[i]!) & 0xff;
    const output = new Uint8Array(outputBytes);
    for (let i = 0; i < outputBytes; i++) output[i] = (sum + i) & 0xff;
    return output;
  },
);

/** A deterministic checksum of bytes (FNV-1a), for checking payload results. */
export function checksumBytes(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.byteLength; i++) {
    hash ^= bytes[i]!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
