import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**'],
    restoreMocks: true,
    // Two cores shared with builds and browsers: a test that takes 1 s alone may take 10 under load.
    // Sweeps over many pages or dates set their own, longer timeouts.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
