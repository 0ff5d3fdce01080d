import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests wait for what the user would see; a CI machine running other test files
    // beside them can take several seconds to draw, so wait up to ten.
    expect: { poll: { timeout: 10_000 } },
    // The default reporter, plus one plain closing line ("N passed, N failed") that CI reads.
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
