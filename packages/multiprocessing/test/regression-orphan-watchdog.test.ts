// Regression (found by the reliability suite): a child stuck in a task that never yields
// outlived a SIGKILLed parent, because its 'disconnect' handler could not run. The child's
// watchdog thread now ends it within ORPHAN_CHECK_INTERVAL_MS of the parent's death.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';

const parentScript = fileURLToPath(new URL('./fixtures/busy-child-parent.mjs', import.meta.url));

/** The bound: no child may be alive this long after its parent died, in ms. */
const CHILD_GONE_WITHIN_MS = 2_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // An exited child not yet reaped by its new parent is a zombie: it runs nothing.
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true; // no /proc (macOS): kill(pid, 0) succeeded
  }
}

let survivor: number | undefined;
afterEach(() => {
  if (survivor !== undefined && isAlive(survivor)) process.kill(survivor, 'SIGKILL');
  survivor = undefined;
});

describe('a child busy in a task that never yields', () => {
  it('does not outlive a SIGKILLed parent', async () => {
    const parent = execa('node', [parentScript], { reject: false, buffer: false });
    const pid = await new Promise<number>((resolve) => {
      parent.stdout.on('data', (chunk: Buffer) => {
        const match = /busy (\d+)/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      });
    });
    survivor = pid;
    expect(isAlive(pid)).toBe(true);
    const exited = new Promise((resolve) => parent.once('exit', resolve));
    parent.kill('SIGKILL');
    await exited;
    const deadline = Date.now() + CHILD_GONE_WITHIN_MS;
    while (isAlive(pid) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(isAlive(pid)).toBe(false);
    parent.stdout.destroy();
  });
});
