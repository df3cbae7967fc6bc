import { defineConfig } from 'vitest/config';

/** The built extension in a real Chromium: one browser per file, files one after another. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
