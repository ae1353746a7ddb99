// Finds this process's concur child processes from /proc, so tests can prove none is left.
import { readdirSync, readFileSync } from 'node:fs';

/** The marker in a concur child's command line (its entry file). */
const CHILD_ENTRY_MARKER = 'child-entry';

/** Pids of live (not zombie) descendants of `rootPid` whose command line matches `marker`. */
export function findDescendants(rootPid = process.pid, marker = CHILD_ENTRY_MARKER): number[] {
  const parents = new Map<number, number>();
  const matches = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the parenthesised command: state, ppid, ...
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      parents.set(pid, Number(ppid));
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) matches.add(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return [...matches].filter((pid) => {
    for (let parent = parents.get(pid); parent !== undefined; parent = parents.get(parent)) {
      if (parent === rootPid) return true;
    }
    return false;
  });
}

/** Whether `pid` is a live (not zombie) process. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Polls until `check()` is true or `timeoutMs` passes; returns the last result. */
export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
