// What the exit tests share: the fixture folder, their time bounds, and a runner for fixture
// scripts whose scripts and children are killed after each test, whatever it left behind.
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { execa, type ResultPromise } from 'execa';
import { isAlive } from './children.js';

/** The folder of the fixture scripts (run from there, so `@concur/*` resolves). */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** How long a script may take to start, be signalled and end, in ms (loaded CI). */
export const SCRIPT_EXIT_BOUND_MS = 30_000;
/** How long children may outlive a killed or signalled parent, in ms (the issue's bound). */
export const CHILDREN_GONE_WITHIN_MS = 2_000;

/**
 * Registers the clean-up and returns `run(script, args, { detached })` plus `orphans`, where
 * a test lists child pids to SIGKILL afterwards if they are still alive.
 */
export function useExitScripts() {
  const started: ResultPromise[] = [];
  const orphans: number[] = [];
  afterEach(() => {
    for (const script of started.splice(0)) script.kill('SIGKILL');
    for (const pid of orphans.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  });
  const run = (name: string, args: string[], { detached = false } = {}) => {
    const script = execa('node', [name, ...args], {
      cwd: FIXTURES,
      reject: false,
      timeout: SCRIPT_EXIT_BOUND_MS,
      detached,
    });
    started.push(script);
    return script;
  };
  return { run, orphans };
}
