// Regression found by the reliability suite: the private socket directory of a process using
// a Queue was left behind when the process died of SIGTERM or SIGINT ('exit' does not fire
// then). It is removed now, and the signal still ends the process.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./fixtures/queue-holder.mjs', import.meta.url));

describe.each(['SIGTERM', 'SIGINT'] as const)('a Queue owner that gets %s', (signal) => {
  it('removes its socket directory and still dies of the signal', async () => {
    // A short base: macOS's long tmpdir() would push the socket path past its 104-byte limit.
    const temp = mkdtempSync(join(process.platform === 'darwin' ? '/tmp' : tmpdir(), 'cr-'));
    try {
      const holder = execa('node', [script], { env: { TMPDIR: temp }, reject: false });
      const ready = await new Promise<string>((resolve) => {
        holder.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) resolve(chunk.toString());
        });
      });
      expect(ready).toMatch(/ready concur-/);
      holder.kill(signal);
      const result = await holder;
      expect(result.signal).toBe(signal);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
