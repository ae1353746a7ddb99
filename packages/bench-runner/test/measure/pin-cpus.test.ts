// Pinning measuring processes to CPUs: the CPU list parser, the allowed CPUs of this
// process, the `taskset` prefix, and a plan whose pinned configuration really runs in a
// process of its own that can use one CPU only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measurePlan } from '../../dist/measure/orchestrate.js';
import { parseCpuList, pinPrefix, readAllowedCpus } from '../../src/measure/pin-cpus.js';
import type { ConfigSpec } from '../../src/measure/plan.js';

const dir = mkdtempSync(join(tmpdir(), 'pin-cpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseCpuList', () => {
  it('expands ranges and single CPUs in order', () => {
    expect(parseCpuList('0-2,5,7-8\n')).toEqual([0, 1, 2, 5, 7, 8]);
    expect(parseCpuList('3')).toEqual([3]);
  });

  it('names what it expected and what it got', () => {
    expect(() => parseCpuList('0-a')).toThrow('Expected a CPU list such as `0-3,8`, got `0-a`.');
  });
});

describe('readAllowedCpus', () => {
  it('reads Cpus_allowed_list from a status file', () => {
    const status = join(dir, 'status');
    writeFileSync(status, 'Name:\tnode\nCpus_allowed:\t0c\nCpus_allowed_list:\t2-3\n');
    expect(readAllowedCpus(status)).toEqual([2, 3]);
  });

  it('is undefined where there is no status file (not Linux)', () => {
    expect(readAllowedCpus(join(dir, 'missing'))).toBeUndefined();
  });
});

describe('pinPrefix', () => {
  it('pins to the first allowed CPUs, so an outer cpuset or taskset is kept', async () => {
    const pin = await pinPrefix(2, () => [4, 6, 7]);
    if (pin.ok) expect(pin).toEqual({ ok: true, file: 'taskset', args: ['-c', '4,6'] });
    else expect(pin.reason).toBe('pinning to CPUs needs `taskset` (util-linux), not found');
  });

  it('says why it cannot pin: fewer CPUs than asked for, or not Linux', async () => {
    expect(await pinPrefix(2, () => [0])).toEqual({
      ok: false,
      reason: 'pinning to 2 CPUs needs as many; this process may use 1',
    });
    expect(await pinPrefix(1, () => undefined)).toEqual({
      ok: false,
      reason: 'pinning to CPUs needs Linux (`taskset`, /proc/self/status)',
    });
  });
});

describe('measurePlan with a pinned configuration', () => {
  const roundTrip = (cpus?: number): ConfigSpec => ({
    id: `test/raw-threads/round-trip${cpus === undefined ? '' : '/one-cpu'}`,
    scenario: 'test',
    strategy: 'raw-threads',
    workers: 1,
    phase: 'warm',
    workload: { kind: 'noop', tasks: 20 },
    jobs: 2,
    inFlight: 1,
    ...(cpus === undefined ? {} : { cpus }),
  });

  it('measures it in a process of its own that may use one CPU only', async () => {
    const results = await measurePlan([roundTrip(), roundTrip(1)], { rounds: 1, seed: 7 });
    expect(results).toHaveLength(2);
    const rounds = results.flatMap((group) => group.rounds);
    const pinned = rounds.find((round) => round.id.endsWith(',1]'))!;
    const free = rounds.find((round) => round !== pinned)!;
    expect(pinned.pid).not.toBe(free.pid);
    expect(free.cpusAllowed).toBe(availableParallelism());
    const pin = await pinPrefix(1);
    if (pin.ok) {
      expect(pinned.error).toBeUndefined();
      expect(pinned.jobsMs).toHaveLength(2);
      expect(pinned.cpusAllowed).toBe(1);
    } else {
      // Without taskset the configuration is reported as not measured, with the reason.
      expect(pinned.error).toBe(pin.reason);
    }
  }, 120_000);
});
