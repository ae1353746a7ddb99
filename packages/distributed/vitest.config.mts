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
    reporters: ['default'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    coverage: { reportsDirectory: './test-output/vitest/coverage', provider: 'v8' as const },
  },
}));
