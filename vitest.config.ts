import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One worker per core. Vitest's default leaves a core free, which left a 2-core machine a third idle: browser
    // tests wait on pages, timers and Lighthouse often enough for a second file to use the gaps.
    maxWorkers: '100%',
    // The JSON report lets .ci/run prove that no test was skipped.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          // Plain modules: no build, no browser, no server (`npm run test:unit`, seconds).
          name: 'unit',
          // Sequence groups run one after another: unit, then fixture builds, then the browser tests. The first two
          // run while the e2e global setup builds the real site in the background (tests/e2e/global-setup.ts).
          sequence: { groupOrder: 0 },
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
          sequence: { groupOrder: 1 },
          // One fixture file at a time: the real site's build in the e2e global setup runs beside them, and with
          // it two cores are busy. (Builds at once are safe: build-output.test.ts runs two side by side.)
          fileParallelism: false,
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // One production build of the real content, into a temporary folder, shared by every browser test; each
          // file waits for it before its own code runs.
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/wait-for-build.ts'],
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll's own default (1 s) is shorter than one page's scripts take on a busy 2-core machine: a poll
          // that waits for what the user would see must not give up before the page has run.
          expect: { poll: { timeout: 10_000 } },
          // Each worker keeps its modules from file to file, so it imports playwright, cheerio and the helpers once and
          // keeps its connection to its own Chromium (global-setup.ts launches one per worker) and its open pages.
          isolate: false,
        },
      },
    ],
  },
});
