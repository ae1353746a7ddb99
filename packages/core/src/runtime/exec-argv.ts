// Which of this process's Node flags a worker thread or child process should inherit: the
// loader and runtime flags, never the ones that say what to run (--eval, --print, …).

/** Flags that take the next argument as their value when not written as `--flag=value`. */
const FLAGS_WITH_VALUE = new Set([
  '--eval',
  '-e',
  '--print',
  '-p',
  '--input-type',
  '--test-name-pattern',
]);
/** Flags that say what this process runs; a worker re-running them would recurse. */
const ENTRY_FLAGS = new Set([
  '--eval',
  '-e',
  '--print',
  '-p',
  '--input-type',
  '--interactive',
  '-i',
  '--test',
  '--watch',
  '--test-name-pattern',
]);

/**
 * Returns the flags of `execArgv` that a worker should inherit: loaders (`--import tsx`),
 * memory and diagnostic flags stay; `--eval`, `--print`, `--input-type`, `--interactive`,
 * `--test` and `--watch` (with their values) go, since a worker given them would run the
 * parent's script text again or refuse to start.
 *
 * @param execArgv - the flags to filter. @default process.execArgv
 * @example
 * getInheritableExecArgv(['--import', 'tsx', '--eval', 'code']); // ['--import', 'tsx']
 */
export function getInheritableExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i]!;
    const name = flag.includes('=') ? flag.slice(0, flag.indexOf('=')) : flag;
    if (!ENTRY_FLAGS.has(name)) {
      kept.push(flag);
      continue;
    }
    if (name === flag && FLAGS_WITH_VALUE.has(name)) i += 1; // skip its separate value
  }
  return kept;
}
