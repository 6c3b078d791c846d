/**
 * The layout report, run in the mail tab only when the user asks for one: the side panel
 * injects this file with `scripting.executeScript({ files: ['/layout-report.js'] })`
 * (lib/ui/layout-report.ts). WXT bundles an unlisted script with everything it imports
 * (so the report may use the readers' own date parser and selectors), and the value that
 * `main` returns is the injection's result. Not a content script: nothing of it runs in the
 * mail page until then.
 */
import { layoutReport } from '@/lib/mail/layout-report';

export default defineUnlistedScript(() => layoutReport(document));
