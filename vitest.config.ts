import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs live in test/e2e and are run by `playwright test`, never by vitest.
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    // Several suites bundle a CLI or a child process with esbuild before they start: seconds
    // on an idle machine, much more on a busy 2-core CI runner.
    hookTimeout: 90_000,
    pool: 'forks',
  },
});
