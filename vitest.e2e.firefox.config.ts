import { defineConfig } from 'vitest/config';

// Browser tests in Firefox: the Firefox build in Firefox ESR driven over WebDriver BiDi (see
// tests/e2e/firefox/harness.ts). Run with `npm run test:e2e:firefox`, which builds it first.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/firefox/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
