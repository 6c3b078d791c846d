import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    // WXT's mock of `wxt/browser` imports `wxt/testing`, whose index also loads the build
    // tooling (esbuild refuses to run under jsdom): point that import at the fake browser only
    alias: [{ find: /^wxt\/testing$/, replacement: fileURLToPath(new URL('./tests/mock-browser.ts', import.meta.url)) }],
  },
  test: {
    globals: true,
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    // a fixed zone so date tests mean the same on every machine
    env: { TZ: 'UTC' },
  },
});
