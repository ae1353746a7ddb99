// The Queue's storage: a ring of bytes inside its SharedArrayBuffer holding records of a
// 4-byte little-endian length followed by the serialized item. Callers hold the Queue's
// mutex; this file only does the wrap-around arithmetic.

/** Bytes of the length prefix in front of every record. */
export const RECORD_HEADER_BYTES = 4;

/** A ring of bytes over shared memory. */
export class ByteRing {
  readonly #bytes: Uint8Array;

  constructor(buffer: SharedArrayBuffer, byteOffset: number, capacity: number) {
    this.#bytes = new Uint8Array(buffer, byteOffset, capacity);
  }

  /** The ring's size in bytes. */
  get capacity(): number {
    return this.#bytes.length;
  }

  /** Writes a record starting at `offset` (wrapping around the end). */
  writeRecord(offset: number, payload: Uint8Array): void {
    const header = new Uint8Array(RECORD_HEADER_BYTES);
    new DataView(header.buffer).setUint32(0, payload.length, true);
    this.copyIn(offset, header);
    this.copyIn((offset + RECORD_HEADER_BYTES) % this.capacity, payload);
  }

  /** Reads the record starting at `offset` into fresh (unshared) memory. */
  readRecord(offset: number): Uint8Array {
    const header = this.copyOut(offset, RECORD_HEADER_BYTES);
    const length = new DataView(header.buffer).getUint32(0, true);
    return this.copyOut((offset + RECORD_HEADER_BYTES) % this.capacity, length);
  }

  private copyIn(offset: number, data: Uint8Array): void {
    const first = Math.min(data.length, this.capacity - offset);
    this.#bytes.set(data.subarray(0, first), offset);
    if (first < data.length) this.#bytes.set(data.subarray(first), 0);
  }

  private copyOut(offset: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    const first = Math.min(length, this.capacity - offset);
    out.set(this.#bytes.subarray(offset, offset + first), 0);
    if (first < length) out.set(this.#bytes.subarray(0, length - first), first);
    return out;
  }
}
