// A private directory (mode 0700, from mkdtemp) for this process's Unix sockets, removed
// when the process exits, by a signal too. No TCP port is ever opened.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onExit } from 'signal-exit';

let directory: string | undefined;

/**
 * Returns a fresh socket path inside this process's private directory, creating the
 * directory on first use.
 * @example
 * createSocketPath('broker'); // '/tmp/concur-Ab12Cd/broker-4242.sock'
 */
export function createSocketPath(name: string): string {
  if (directory === undefined) {
    // mkdtemp creates the directory with mode 0700: only this user can reach the sockets.
    directory = mkdtempSync(join(tmpdir(), 'concur-'));
    const created = directory;
    // signal-exit also runs on SIGTERM/SIGINT/SIGHUP (where 'exit' does not fire), then lets
    // the signal end the process as before; it cooperates with execa's own copy.
    onExit(() => rmSync(created, { recursive: true, force: true }));
  }
  return join(directory, `${name}-${process.pid}.sock`);
}
