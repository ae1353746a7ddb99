// Finds this process's concur child processes, so tests can prove none is left: from /proc on
// Linux, from `ps` elsewhere (macOS runs the suite in CI too).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The marker in a concur child's command line (its entry file). */
const CHILD_ENTRY_MARKER = 'child-entry';

/** Whether /proc can be read (Linux); `CONCUR_RELIABILITY_PS=1` forces the `ps` path. */
const HAS_PROC = existsSync('/proc/self/stat') && process.env.CONCUR_RELIABILITY_PS !== '1';

interface ProcessRow {
  readonly pid: number;
  readonly ppid: number;
  readonly zombie: boolean;
  readonly command: string;
}

function readProcRows(): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the parenthesised command: state, ppid, ...
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      rows.push({ pid, ppid: Number(ppid), zombie: state === 'Z', command });
    } catch {
      // The process ended while we looked.
    }
  }
  return rows;
}

function readPsRows(): ProcessRow[] {
  const text = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,stat=,command='], {
    encoding: 'utf8',
  });
  return text
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({
      pid: Number(match[1]),
      ppid: Number(match[2]),
      zombie: match[3]!.startsWith('Z'),
      command: match[4]!,
    }));
}

function readRows(): ProcessRow[] {
  return HAS_PROC ? readProcRows() : readPsRows();
}

/** Pids of live (not zombie) descendants of `rootPid` whose command line matches `marker`. */
export function findDescendants(rootPid = process.pid, marker = CHILD_ENTRY_MARKER): number[] {
  const rows = readRows().filter((row) => !row.zombie);
  const parents = new Map(rows.map((row) => [row.pid, row.ppid]));
  return rows
    .filter((row) => row.command.includes(marker))
    .map((row) => row.pid)
    .filter((pid) => {
      for (let parent = parents.get(pid); parent !== undefined; parent = parents.get(parent)) {
        if (parent === rootPid) return true;
      }
      return false;
    });
}

/** Whether `pid` is a live (not zombie) process. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!HAS_PROC) return readRows().some((row) => row.pid === pid && !row.zombie);
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
