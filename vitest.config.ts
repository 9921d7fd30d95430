import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (fast, in-memory fake browser, no network, no real browser) and `e2e`
 * (the production build in real Chromium and Firefox ESR, one file at a time).
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
          benchmark: { include: ['bench/**/*.bench.ts'] },
        },
      },
      {
        test: {
          // Simulations for `npm run bench` (requests per hour): real cycles, fake browser and clock.
          name: 'sim',
          include: ['bench/**/*.sim.ts'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        test: {
          // Browser measurements for `npm run bench` (popup first paint): the production build.
          name: 'measure',
          include: ['bench/**/*.measure.ts'],
          environment: 'node',
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
