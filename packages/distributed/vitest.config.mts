import { defineConfig } from 'vitest/config';

export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/packages/distributed',
  test: {
    name: 'distributed',
    watch: false,
    globals: false,
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Starts a private Redis through tools/redis/start.sh unless REDIS_URL is set.
    globalSetup: ['test/setup/redis-global.ts'],
    // Files run one at a time: each starts its own worker processes, and the Executor
    // contract expects a submitted task to start within about 10 ms, which a 2-core
    // machine running several worker fleets at once cannot promise.
    fileParallelism: false,
    reporters: ['default'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    coverage: { reportsDirectory: './test-output/vitest/coverage', provider: 'v8' as const },
  },
}));
