// The reliability suite: one test file at a time (they start many workers and children, and
// the soak measures resident memory), figures collected and printed by the global setup.
import { defineConfig } from 'vitest/config';

export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/packages/reliability',
  test: {
    name: 'reliability',
    watch: false,
    globals: false,
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/figures-setup.ts'],
    fileParallelism: false,
    // The soak's memory samples follow a full collection (test/helpers/rss-sampler.ts).
    execArgv: ['--expose-gc'],
    reporters: ['default'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    coverage: { reportsDirectory: './test-output/vitest/coverage', provider: 'v8' as const },
  },
}));
