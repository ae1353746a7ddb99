// Inside a worker thread: registers tsx when the user asked for it, because Node 20 worker
// threads ignore `--import tsx` in their execArgv, so users' `.ts` task files would not load.

/** The environment variable that asks worker threads to register tsx (value `tsx`). */
export const TS_LOADER_ENV = 'CONCUR_TS_LOADER';

/**
 * Tells whether this thread was asked to load TypeScript through tsx: its `execArgv`
 * mentions tsx (`--import tsx`, `--import=tsx`, `--loader tsx`) or `CONCUR_TS_LOADER=tsx`.
 */
export function isTypeScriptLoaderRequested(
  execArgv: readonly string[] = process.execArgv,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env[TS_LOADER_ENV] === 'tsx') return true;
  return execArgv.some((arg) => /(^|[=/@\s])tsx(\/|$)/.test(arg) || arg === 'tsx');
}

/**
 * Registers tsx's ESM hooks in this thread when requested (see
 * {@link isTypeScriptLoaderRequested}); does nothing otherwise.
 * @throws Error naming the fix when tsx was requested but is not installed.
 */
export async function registerTypeScriptLoaderIfRequested(): Promise<void> {
  if (!isTypeScriptLoaderRequested()) return;
  let api: { register: () => unknown };
  try {
    api = (await import('tsx/esm/api')) as { register: () => unknown };
  } catch (cause) {
    throw new Error(
      '@concur/threading: this worker thread was asked to load TypeScript through tsx (execArgv mentions tsx or CONCUR_TS_LOADER=tsx), but `tsx/esm/api` cannot be imported. Install it (`npm install --save-dev tsx`), or on Node >= 22.18 drop the loader and rely on type stripping.',
      { cause },
    );
  }
  api.register();
}
