import { defineConfig } from 'vitest/config';

/** End-to-end specs: the real renderer in Chromium against `npm run serve`, one spec file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
