/**
 * What the browser tests of both browsers share to read a page: a bounded poll that takes
 * an error as "not yet" (a page may be navigating under it), and a page's `evaluate` in one
 * shape, whether Playwright's page or puppeteer's.
 */

/** Runs `fn(arg)` inside a page and returns its (serialisable) result. */
export type Evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;

/** `page.evaluate` of a Playwright or a puppeteer page, as an Evaluate. */
export const evaluateIn =
  (page: { evaluate(fn: never, arg: never): Promise<unknown> }): Evaluate =>
  (fn, arg) =>
    page.evaluate(fn as never, arg as never) as never;

/** Polls `fn` until it returns a truthy value, for at most `timeoutMs`; errors count as "not yet". */
export async function eventually<T>(fn: () => Promise<T>, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      // e.g. "Execution context was destroyed" while the page navigates
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}
