// Node-version behaviour of `.ts` task files in thread and process pools, as the root README
// documents it: Node >= 22.18 loads them by type stripping (erasable syntax only); before
// that only the tsx route (`node --import tsx`) loads them, and it works on every version.
// .ci/run runs this file on Node 20, 22 and 24.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/**
 * How long one driver process may take, in milliseconds. It starts a thread pool and a
 * process pool and runs two tasks in each (about 1–3 s); 60 s leaves room for a loaded
 * 2-core machine and tsx compiling on first use, while a hang still fails the test.
 */
const DRIVER_TIMEOUT_MS = 60_000;

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
/** The README's rule: type stripping is on by default from Node 22.18 (and in 23+). */
const STRIPS_TYPES = major > 22 || (major === 22 && minor >= 18);

/** A task in erasable TypeScript: annotations only. */
const ERASABLE_TASK = `export function double(value: number): number {
  return value * 2;
}
`;
/** A task using an enum, which type stripping cannot erase. */
const ENUM_TASK = `enum Factor { Two = 2 }
export function double(value: number): number {
  return value * Factor.Two;
}
`;

/**
 * Runs in a fresh `node` (this version): submits `double(21)` from each file to a one-worker
 * ThreadPoolExecutor and ProcessPoolExecutor, and prints what each future settled with. It is
 * a file, not `--eval` code: pools pass `process.execArgv` on to their workers, and an
 * inherited `--eval` would make every child process run the driver again.
 */
const DRIVER = `
import { taskFrom } from '@concur/core';
import { ProcessPoolExecutor, ThreadPoolExecutor } from '@concur/executors';
const files = JSON.parse(process.env.TS_TASK_FILES);
const describe = (e) => ({ message: String(e?.message), code: e?.code, causeCode: e?.cause?.code });
const out = {};
for (const [kind, Executor] of [['thread', ThreadPoolExecutor], ['process', ProcessPoolExecutor]]) {
  const executor = new Executor({ maxWorkers: 1 });
  try {
    for (const [name, url] of Object.entries(files)) {
      try {
        out[kind + ' ' + name] = { value: await executor.submit(taskFrom(url, 'double'), 21).result() };
      } catch (error) {
        out[kind + ' ' + name] = { error: describe(error) };
      }
    }
  } finally {
    await executor.shutdown();
  }
}
console.log(JSON.stringify(out));
`;

type Outcome =
  | { value: number }
  | { error: { message: string; code?: string; causeCode?: string } };
type Outcomes = Record<string, Outcome>;

let dir: string;
let driver: string;
let files: Record<'erasable' | 'enum', string>;

async function drive(nodeFlags: readonly string[]): Promise<Outcomes> {
  const { stdout } = await run(process.execPath, [...nodeFlags, driver], {
    cwd: dir,
    env: { ...process.env, TS_TASK_FILES: JSON.stringify(files) },
    timeout: DRIVER_TIMEOUT_MS,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Outcomes;
}

/** The Node error code behind a failed import: on the error, or on its cause. */
function importErrorCode(outcome: Outcome | undefined): string | undefined {
  if (outcome === undefined || !('error' in outcome)) return undefined;
  expect(outcome.error.message).toContain('Cannot import task module');
  return outcome.error.causeCode ?? outcome.error.code;
}

beforeAll(async () => {
  // Inside the package (test-output is git-ignored), so the driver resolves `@concur/*` from
  // the workspace's node_modules.
  const parent = join(import.meta.dirname, '..', '..', 'test-output');
  await mkdir(parent, { recursive: true });
  dir = await mkdtemp(join(parent, 'ts-tasks-'));
  driver = join(dir, 'driver.mjs');
  await writeFile(driver, DRIVER);
  await writeFile(join(dir, 'erasable.ts'), ERASABLE_TASK);
  await writeFile(join(dir, 'with-enum.ts'), ENUM_TASK);
  files = {
    erasable: pathToFileURL(join(dir, 'erasable.ts')).href,
    enum: pathToFileURL(join(dir, 'with-enum.ts')).href,
  };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(`.ts task files on Node ${process.version}`, () => {
  it(`reports type stripping exactly when the README says (>= 22.18): ${STRIPS_TYPES}`, () => {
    const features = process.features as { typescript?: string | false };
    expect(Boolean(features.typescript)).toBe(STRIPS_TYPES);
  });

  it('without a loader: loads erasable .ts tasks by type stripping, or fails clearly before 22.18', async () => {
    const outcomes = await drive([]);
    for (const kind of ['thread', 'process']) {
      const erasable = outcomes[`${kind} erasable`];
      const withEnum = outcomes[`${kind} enum`];
      if (STRIPS_TYPES) {
        expect(erasable, kind).toEqual({ value: 42 });
        expect(importErrorCode(withEnum), kind).toBe('ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX');
      } else {
        expect(importErrorCode(erasable), kind).toBe('ERR_UNKNOWN_FILE_EXTENSION');
        expect(importErrorCode(withEnum), kind).toBe('ERR_UNKNOWN_FILE_EXTENSION');
      }
    }
  });

  it('through the tsx route (node --import tsx): loads every .ts task, enums included', async () => {
    const outcomes = await drive(['--import', 'tsx']);
    expect(outcomes).toEqual({
      'thread erasable': { value: 42 },
      'thread enum': { value: 42 },
      'process erasable': { value: 42 },
      'process enum': { value: 42 },
    });
  });
});
