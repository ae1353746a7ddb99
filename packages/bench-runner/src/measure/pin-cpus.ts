// Pinning a measuring process to a few CPUs with Linux `taskset`: the CPUs are the first ones
// this process may run on (`Cpus_allowed_list`), so a cpuset or an outer `taskset` is kept.
import { readFileSync } from 'node:fs';
import { execa } from 'execa';

/** How to start a pinned process: the command to put before `node`, or why it cannot be. */
export type PinPrefix =
  | { readonly ok: true; readonly file: string; readonly args: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Parses a Linux CPU list such as `0-3,8,10-11` into CPU numbers, in order.
 * @throws RangeError when the text is not a CPU list.
 * @example
 * parseCpuList('0-2,5'); // [0, 1, 2, 5]
 */
export function parseCpuList(text: string): number[] {
  const cpus: number[] = [];
  for (const part of text.trim().split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (match === null) {
      throw new RangeError(`Expected a CPU list such as \`0-3,8\`, got \`${text.trim()}\`.`);
    }
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    for (let cpu = first; cpu <= last; cpu++) cpus.push(cpu);
  }
  return cpus;
}

/** The CPUs this process may run on, from `/proc/self/status`; undefined off Linux. */
export function readAllowedCpus(status = '/proc/self/status'): number[] | undefined {
  let text: string;
  try {
    text = readFileSync(status, 'utf8');
  } catch {
    return undefined;
  }
  const line = /^Cpus_allowed_list:\s*(.+)$/m.exec(text);
  return line === null ? undefined : parseCpuList(line[1]!);
}

let tasksetWorks: Promise<boolean> | undefined;

/**
 * The `taskset -c <list>` prefix that pins a process to `count` CPUs, or the reason it
 * cannot be used here (not Linux, no `taskset`, fewer CPUs allowed than asked for).
 * @example
 * const pin = await pinPrefix(1); // { ok: true, file: 'taskset', args: ['-c', '0'] }
 */
export async function pinPrefix(
  count: number,
  readAllowed: () => readonly number[] | undefined = readAllowedCpus,
): Promise<PinPrefix> {
  const allowed = readAllowed();
  if (allowed === undefined) {
    return { ok: false, reason: 'pinning to CPUs needs Linux (`taskset`, /proc/self/status)' };
  }
  if (allowed.length < count) {
    return {
      ok: false,
      reason: `pinning to ${count} CPUs needs as many; this process may use ${allowed.length}`,
    };
  }
  tasksetWorks ??= execa('taskset', ['-p', String(process.pid)], { reject: false }).then(
    (result) => !result.failed,
  );
  if (!(await tasksetWorks)) {
    return { ok: false, reason: 'pinning to CPUs needs `taskset` (util-linux), not found' };
  }
  return { ok: true, file: 'taskset', args: ['-c', allowed.slice(0, count).join(',')] };
}
