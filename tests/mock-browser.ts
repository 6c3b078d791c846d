// Stands in for `wxt/testing` inside unit tests (see vitest.config.ts): only the fake
// browser, without the build tooling that the real index also loads.
export { fakeBrowser } from 'wxt/testing/fake-browser';
