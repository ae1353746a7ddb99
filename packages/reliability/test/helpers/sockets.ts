// Reads which TCP sockets a process tree owns, to prove no port is opened: from /proc on
// Linux, from `lsof` elsewhere (macOS runs the suite in CI too).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { findDescendants } from './children.js';

/** TCP socket inodes in the kernel tables, with whether each is listening. */
function readTcpInodes(): Map<string, boolean> {
  const inodes = new Map<string, boolean>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // sl local rem st tx:rx tr:when retrnsmt uid timeout inode
      inodes.set(fields[9]!, fields[3] === '0A');
    }
  }
  return inodes;
}

/** Socket inodes held open by `pid`. */
function socketInodesOf(pid: number): string[] {
  const found: string[] = [];
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) found.push(match[1]!);
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    // the process ended
  }
  return found;
}

/** TCP sockets (all, and listening) owned by `rootPid` and its descendants. */
export function countTcpSockets(rootPid = process.pid): { all: number; listening: number } {
  const pids = [rootPid, ...findDescendants(rootPid, '')];
  if (!existsSync('/proc/net/tcp') || process.env.CONCUR_RELIABILITY_PS === '1') {
    return countWithLsof(pids);
  }
  const tcp = readTcpInodes();
  let all = 0;
  let listening = 0;
  for (const pid of pids) {
    for (const inode of socketInodesOf(pid)) {
      if (!tcp.has(inode)) continue;
      all++;
      if (tcp.get(inode)) listening++;
    }
  }
  return { all, listening };
}

/** The same count from `lsof` (it exits 1, printing nothing, when no socket matches). */
function countWithLsof(pids: readonly number[]): { all: number; listening: number } {
  let text: string;
  try {
    text = execFileSync('lsof', ['-nP', '-a', '-iTCP', '-p', pids.join(',')], { encoding: 'utf8' });
  } catch (error) {
    const { status, stdout } = error as { status?: number; stdout?: string };
    if (status !== 1) throw error;
    text = stdout ?? '';
  }
  const lines = text.split('\n').slice(1).filter(Boolean);
  return { all: lines.length, listening: lines.filter((line) => line.includes('(LISTEN)')).length };
}
