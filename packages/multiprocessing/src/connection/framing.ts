// Length-prefixed frames of V8-serialized values over a byte stream (a Unix socket):
// a 4-byte big-endian length, then `v8.serialize(value)`.
import { deserialize, serialize } from 'node:v8';

const HEADER_BYTES = 4;

/**
 * Encodes one value as a frame.
 * @throws Error (from V8) when the value cannot be serialized.
 */
export function encodeFrame(value: unknown): Buffer {
  const body = serialize(value);
  const frame = Buffer.allocUnsafe(HEADER_BYTES + body.length);
  frame.writeUInt32BE(body.length, 0);
  body.copy(frame, HEADER_BYTES);
  return frame;
}

/** Collects stream chunks and yields the complete frames' values, in order. */
export class FrameDecoder {
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  /** Adds a chunk and returns the values of the frames it completed. */
  push(chunk: Buffer): unknown[] {
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    if (this.#pendingBytes < HEADER_BYTES) return [];
    let buffer = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
    const values: unknown[] = [];
    let offset = 0;
    while (buffer.length - offset >= HEADER_BYTES) {
      const length = buffer.readUInt32BE(offset);
      if (buffer.length - offset - HEADER_BYTES < length) break;
      const start = offset + HEADER_BYTES;
      values.push(deserialize(buffer.subarray(start, start + length)));
      offset = start + length;
    }
    buffer = buffer.subarray(offset);
    this.#pending = buffer.length === 0 ? [] : [buffer];
    this.#pendingBytes = buffer.length;
    return values;
  }
}
