/**
 * The layout report from the panel's side: made in the mail tab by injecting the unlisted
 * script `/layout-report.js` (entrypoints/layout-report.ts, which runs
 * lib/mail/layout-report.ts there) with `scripting.executeScript` when the user asks, then
 * saved as a file or copied. WXT bundles that script with its imports, so the report uses
 * the readers' own selectors and date parser; the side panel's bundle does not carry it,
 * and neither do the content scripts. Nothing is sent anywhere: the user saves or copies
 * the report and decides what to do with it.
 *
 * Each function resolves to the words to show, or throws an Error whose message is the
 * words to show.
 */
import { downloadText } from './files';

/** the injected script, as WXT writes it into the extension */
export const LAYOUT_REPORT_SCRIPT = '/layout-report.js';

/** The report of the tab's page, made in the tab. */
export async function makeLayoutReport(tabId: number | null): Promise<string> {
  if (tabId === null) throw new Error('No mail tab is open beside the panel: open Gmail or Outlook and try again.');
  // a tab the extension may not script (not a mail page), a page still loading, a closed tab
  const injection = await browser.scripting.executeScript({ target: { tabId }, files: [LAYOUT_REPORT_SCRIPT] }).catch(() => null);
  const result: unknown = injection?.[0]?.result;
  if (typeof result !== 'string' || !result) {
    throw new Error('No report could be made of this tab: it works on a Gmail or Outlook tab. Reload the tab and try again.');
  }
  return result;
}

const kb = (text: string) => `${Math.ceil(text.length / 1000)} KB`;

/** Makes the report and saves it through the browser's download, named by the moment (UTC). */
export async function downloadLayoutReport(tabId: number | null): Promise<string> {
  const text = await makeLayoutReport(tabId);
  // touchbase-layout-report-2026-12-01-14-05.html
  const name = `touchbase-layout-report-${new Date().toISOString().slice(0, 16).replace(/[T:]/g, '-')}.html`;
  downloadText(name, text, 'text/html;charset=utf-8');
  return `Saved ${name} (${kb(text)}).`;
}

/** Makes the report and puts it on the clipboard. */
export async function copyLayoutReport(tabId: number | null): Promise<string> {
  const text = await makeLayoutReport(tabId);
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    throw new Error('The browser did not allow copying here: use Download report instead.');
  }
  return `Copied the report (${kb(text)}).`;
}
