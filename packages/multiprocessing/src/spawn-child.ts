// Starts one child process with execa: `node [execArgv] child-entry.js`, IPC with the V8
// serializer, stdout/stderr inherited so no output is buffered in the parent or lost at exit.
import { execa } from 'execa';
import { CHILD_ENTRY_PATH } from './child-entry-path.js';

/** Starts the child: `node [execArgv] child-entry.js` with an IPC channel. */
export function spawnChild(
  execArgv: readonly string[],
  env: Readonly<Record<string, string>>,
  cwd: string | undefined,
) {
  return execa(process.execPath, [...execArgv, CHILD_ENTRY_PATH], {
    ipc: true,
    serialization: 'advanced',
    stdin: 'ignore',
    stdout: 'inherit',
    stderr: 'inherit',
    buffer: false,
    reject: false,
    // Termination is ours (graceful, then SIGTERM, then SIGKILL); execa still kills
    // children when this process exits (`cleanup`), which is what daemon children need.
    forceKillAfterDelay: false,
    cleanup: true,
    cwd,
    env,
  });
}

/** A started child, as execa returns it. */
export type Subprocess = ReturnType<typeof spawnChild>;
