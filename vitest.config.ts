import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report lets .ci/run prove that no test was skipped.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          // Plain modules: no build, no browser, no server (`npm run test:unit`, seconds).
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // No global state between files: one import of each module for all of them.
          isolate: false,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          // Builds of small fixture glossaries (and `astro dev` on one): each file builds its own.
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // One production build of the real content, served from dist/, shared by every browser test.
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser file at a time (two Chromiums at once on the 2-core CI machine made each file about twice as
          // slow), in one worker that imports playwright, cheerio and the helpers once rather than once per file.
          fileParallelism: false,
          isolate: false,
        },
      },
    ],
  },
});
