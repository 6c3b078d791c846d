import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in real Chromium (see tests/e2e/harness.ts).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
