import { defineConfig } from 'wxt';
import { contentScripts, mailMatches } from './lib/mail/hosts';

// The mail hosts are the only pages Touchbase ever touches: host permissions, the content
// scripts' `matches` and the background's sender check all come from lib/mail/hosts.ts.
// The content scripts are WXT unlisted scripts declared here (lib/mail/hosts.ts says why).

/** Where a sync server may be: what the options page may ask access to (lib/sync/config.ts). */
const SYNC_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/**
 * PouchDB turns filters and views written as strings into functions with `Function`; the
 * sync gives it none (lib/sync/engine.ts), and an extension's policy refuses eval anyway.
 * The one place is made to throw instead, so the background holds no eval at all (what the
 * add-on stores' reviewers look for: `web-ext lint`'s DANGEROUS_EVAL).
 */
const POUCH_EVAL = 'return Function.apply(null, keys).apply(null, values);';
const pouchdbWithoutEval = {
  name: 'touchbase:pouchdb-without-eval',
  transform(code: string, id: string) {
    if (!id.includes('/pouchdb-browser/')) return undefined;
    if (!code.includes(POUCH_EVAL)) throw new Error('pouchdb-browser changed: its scopeEval is not where touchbase:pouchdb-without-eval expects it');
    return code.replace(POUCH_EVAL, "throw new Error('Touchbase gives PouchDB no filter or view as a string (no eval in an extension)');");
  },
};

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Manifest V3 in Firefox too (WXT's default there is V2): the decision and its evidence
  // are in docs/ARCHITECTURE.md, "Firefox: Manifest V3"
  manifestVersion: 3,
  // terser packs the content scripts (which run inside Gmail all day) tighter than esbuild;
  // three compress passes take another 170 bytes off them (and 1 KB off the panel)
  vite: () => ({ build: { minify: 'terser', terserOptions: { compress: { passes: 3 } } }, plugins: [pouchdbWithoutEval] }),
  hooks: {
    // the content scripts are our own code alone, and each must stay under 15 KB: they get
    // terser's compressions that assume no getter has side effects and no method is
    // rebound, which library code (React, Dexie) cannot be promised
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => /-content$/.test(e.name))) return;
      config.build ??= {};
      config.build.terserOptions = {
        ecma: 2020,
        compress: { passes: 4, pure_getters: true, unsafe: true, unsafe_arrows: true, unsafe_methods: true, unsafe_comps: true, unsafe_math: true, keep_fargs: false },
        format: { wrap_func_args: false },
      };
    },
  },
  manifest: ({ browser }) => ({
    name: 'Touchbase',
    description:
      'Client retention beside your Gmail and Outlook threads: history, reply times, follow-ups. All data stays in your browser.',
    // scripting: to put a follow-up into the open reply box, or make a layout report of the
    // mail page (entrypoints/layout-report.ts), only when the user asks
    permissions: ['storage', 'alarms', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // notifications: the daily digest and key-account alerts, asked for only when the user
    // turns one on in the options (lib/ui/reminders.ts); off, the extension never notifies
    // downloads: automatic backups into Downloads/Touchbase, asked for only when the user
    // turns them on in the options (lib/ui/backup.ts); off, nothing is downloaded by itself
    optional_permissions: ['notifications', 'downloads'],
    host_permissions: mailMatches(),
    // sync (lib/sync): the user's own CouchDB, its origin asked for only when they connect to
    // it in the options; https anywhere, plain http on this computer only (lib/sync/config.ts)
    optional_host_permissions: SYNC_ORIGINS,
    content_scripts: contentScripts(),
    action: { default_title: 'Touchbase: open the client sidebar' },
    // a keyboard way to the sidebar (changeable in the browser's shortcuts page); the action
    // opens the side panel in Chrome, the sidebar command toggles it in Firefox. Not
    // Alt+Shift+T: Chrome keeps that for focusing its toolbar and silently drops it.
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open the Touchbase sidebar',
      },
    },
    // 16-128 as Chrome asks; 64 and 96 for Firefox's add-ons manager and store on dense screens
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 64: 'icon/64.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'touchbase@touchbase.local',
              // 140: the first Firefox (and ESR) that knows data_collection_permissions
              strict_min_version: '140.0',
              // the add-on store asks every new add-on what it collects: nothing leaves the browser
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
