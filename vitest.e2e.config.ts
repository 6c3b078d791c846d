import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in real Chromium (see tests/e2e/harness.ts). The Firefox
// ones (tests/e2e/firefox, on the Firefox build) have their own config, vitest.e2e.firefox.config.ts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: ['tests/e2e/firefox/**', '**/node_modules/**'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
