/**
 * Every selector Touchbase uses on Gmail (mail.google.com), in one place.
 *
 * Each lookup is a chain of fallbacks tried in order, named by its key (`GMAIL.subject`
 * reports as `gmail.subject` in diagnostics): attributes (`email`, `data-*`,
 * `role`, `aria-*`) first, Google's minified class names after them, never translated text.
 * The facts come from docs/MAIL-PAGES.md (what InboxSDK, gmail.js, Mailvelope, FlowCrypt
 * and Briskine rely on); the comment on each chain names the layout and the fixture under
 * tests/fixtures/gmail/ that shows it. When Gmail changes, this is the file to edit.
 */
export const GMAIL = {
  /**
   * The mail view. Gmail keeps earlier views in the page, hidden, so there may be several:
   * the reader takes the visible ones. Every fixture; the real 2014 inbox has
   * `div.BltHke[role=main]`. The class fallbacks (`.nH.bkK`, the view column, and `div.aeF`
   * around the views) are not in docs/MAIL-PAGES.md: the current layout as other extensions use it.
   */
  main: ['[role="main"]', 'div.nH.bkK', 'div.aeF'],

  /**
   * The subject heading of the open thread, which also carries the thread id. `h2.hP`
   * inside `.ha` in every layout; the id attributes first (all thread-*.html fixtures).
   */
  subject: ['h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', 'h2.hP', '.ha h2'],

  /** the thread id on the subject: newer `thread-f:<decimal>`, then the legacy hex id */
  threadIdAttributes: ['data-thread-perm-id', 'data-legacy-thread-id'],

  /**
   * The element holding one whole thread (subject and messages): `.nH.a98.iY` in the
   * default layout, `.if` inside it, `table.Bs > tr` in older ones (the parser adds `tbody`), `.ao9` around the
   * preview pane of split mode. Hidden earlier threads are separate containers
   * (thread-hidden-earlier.html).
   */
  thread: ['.nH.a98.iY', 'div.if', 'table.Bs > tbody > tr', '.ao9'],

  /**
   * One message of the thread: `[role=listitem]` in the `[role=list]`; expanded ones have
   * class `h7`, collapsed ones `kv`; failing the roles, the elements carrying a message id.
   * Expanded, collapsed and folded items in thread-basic-en-us.html.
   */
  message: ['[role="listitem"]', '.h7, .kv, .kQ', '[data-message-id]', '[data-legacy-message-id]'],

  /** an expanded message: `div.adn.ads` inside `.h7` (collapsed: `div.adf.ads` inside `.kv`) */
  expanded: '.h7, .adn',

  /**
   * "N older messages": messages folded into one bar (`kQ`, its count in `kx`). They carry
   * no sender and are skipped, never invented (thread-basic-en-us.html, thread-25.html).
   */
  folded: '.kQ, .kx',

  /** message ids, on the item or on `div.adn`/`div.adf` inside it: `#msg-f:<decimal>`, then legacy hex */
  messageIdAttributes: ['data-message-id', 'data-legacy-message-id'],

  /**
   * The sender of a message: `span.gD[email][name]` (also `data-hovercard-id`), in `h3.iw`
   * when expanded and in `td.gF` when collapsed (every thread fixture); then any element with
   * a hovercard id that is not a recipient (`notSender`).
   */
  sender: ['span.gD[email]', 'h3.iw [email]', 'td.gF [email]', '[data-hovercard-id]'],

  /** recipients are never the sender: a sender candidate inside these is skipped */
  notSender: 'span.hb, .g2',

  /** `span.go` beside the sender shows `<address>`; the last resort for the sender's address */
  senderAddress: ['h3.iw span.go', 'span.go'],

  /**
   * Recipients, expanded messages only: `span.hb span.g2[email][name]`. The user appears
   * under a translated name ("me", "я", "我"): people are matched by address only
   * (thread-group-ru.html).
   */
  recipients: ['span.hb [email]', 'span.g2[email]', 'span.hb [data-hovercard-id]'],

  /**
   * The date: `span.g3` with a `title` such as `Thu, Aug 7, 2025, 9:14 AM`; the visible text
   * may add "(8 days ago)". Collapsed rows keep it in `td.gH`. Every thread fixture.
   */
  date: ['span.g3[title]', 'span.g3', 'td.gH [title]'],

  /**
   * The message body: sender-controlled HTML, so no lookup above may take an element from
   * inside it (a mail could carry a fake `span.gD[email]`).
   */
  body: '.a3s, .ii.gt, [role="document"]',

  /**
   * The account button, `aria-label` like `Google Account: Name (address)` (translated
   * prefix; the address in parentheses). Its link goes to accounts.google.com in the live
   * page; the fixtures have `a.gb_d` (thread-basic-en-us.html) or none (thread-unknown-self-zh.html).
   */
  account: ['a[href*="accounts.google.com"][aria-label*="@"]', '[role="banner"] [aria-label*="@"]', '[class^="gb_"][aria-label*="@"]'],
} as const;

/**
 * The fixtures (under tests/fixtures/) that show each lookup, as data: a test checks that
 * each chain matches in every fixture named here, so a comment above cannot go stale. It is
 * never imported by the content script, so it costs the bundle nothing.
 */
export const GMAIL_FIXTURES: Record<Exclude<keyof typeof GMAIL, 'threadIdAttributes' | 'messageIdAttributes'>, string[]> = {
  main: ['gmail/inbox-2014-real.html', 'gmail/thread-basic-en-us.html'],
  subject: ['gmail/thread-basic-en-us.html', 'gmail/thread-hidden-earlier.html'],
  thread: ['gmail/thread-basic-en-us.html', 'gmail/thread-hidden-earlier.html', 'gmail/thread-25.html'],
  message: ['gmail/thread-basic-en-us.html', 'gmail/thread-25.html'],
  expanded: ['gmail/thread-basic-en-us.html'],
  folded: ['gmail/thread-basic-en-us.html'],
  sender: ['gmail/thread-basic-en-us.html', 'gmail/thread-user-last-en-gb.html'],
  notSender: ['gmail/thread-group-ru.html'],
  senderAddress: ['gmail/thread-basic-en-us.html'],
  recipients: ['gmail/thread-basic-en-us.html', 'gmail/thread-group-ru.html'],
  date: ['gmail/thread-basic-en-us.html', 'gmail/thread-user-last-en-gb.html', 'gmail/thread-group-ru.html', 'gmail/thread-unknown-self-zh.html'],
  body: ['gmail/thread-basic-en-us.html'],
  account: ['gmail/thread-basic-en-us.html'],
};

/**
 * What lib/mail/compose.ts is given to find the reply box, injected on demand: a separate
 * object, not a key of GMAIL, so that the content script (which never writes) does not carry
 * it (every key of an object literal stays in a bundle).
 */
export const GMAIL_COMPOSE = {
  /**
   * The reply or compose box: contenteditable with `g_editable` (Gmail's own marker), then
   * any contenteditable textbox (its aria-label is translated, so never matched).
   * tests/fixtures/e2e/gmail-reply.html.
   */
  replyBox: ['div[contenteditable="true"][g_editable="true"]', 'div[contenteditable="true"][role="textbox"]'],
} as const;

/** The fixtures that show each lookup of GMAIL_COMPOSE, as data (see GMAIL_FIXTURES). */
export const GMAIL_COMPOSE_FIXTURES: Record<keyof typeof GMAIL_COMPOSE, string[]> = {
  replyBox: ['e2e/gmail-reply.html'],
};

/**
 * The message list (inbox, label, search result), read by ./gmail-list.ts inside the visible
 * `main` views only: Gmail keeps earlier lists in the page, hidden (list-inbox-en-us.html).
 * Same rules as GMAIL; diagnostics name its keys `gmail.list.<key>`. A separate object, not a
 * key of GMAIL, so that a bundle of the thread reader alone does not carry it (the content
 * script's budget is 15 KB minified, and it is within a few bytes of it).
 */
/**
 * One row per conversation. No attribute marks a row, so the class `zA` Gmail has used since
 * at least 2014 comes first (inbox-2014-real.html, list-inbox-en-us.html), then the row role
 * of the grid (`table[role=grid] tr[role=row]`, list-inbox-en-us.html). On its own so the
 * content script can name where the list is (every key of GMAIL_LIST it names from outside
 * gmail-list.ts keeps the whole object in the bundle, ~180 bytes).
 */
export const GMAIL_LIST_ROWS = ['tr.zA', 'table[role="grid"] tr[role="row"]'] as const;

export const GMAIL_LIST = {
  /** the rows: GMAIL_LIST_ROWS */
  row: GMAIL_LIST_ROWS,

  /** unread rows have class `zE`, read ones `yO` (both fixtures) */
  unread: '.zE',
  read: '.yO',
  /**
   * Failing both row classes: a bold sender (unread) or a plain one (read). Senders of unread
   * messages are `span.zF`, of read ones `span.yP` (inbox-2014-real.html, list-inbox-en-us.html).
   */
  unreadSender: '.yW .zF',
  readSender: '.yW .yP',

  /**
   * The participants: `span[email]` (also `data-hovercard-id`) in the sender column `.yW`,
   * in the order shown; the latest sender is usually last. The column's cell `td.yX` last:
   * it also holds a screen-reader copy (`.afn`) of the same people (inbox-2014-real.html).
   */
  participants: ['.yW [email]', '.yW [data-hovercard-id]', 'td.yX [email]'],

  /**
   * The conversation id, on the subject span inside the row: `data-thread-id`
   * (`#thread-f:<decimal>`, read without the `#`, as the thread reader's
   * `data-thread-perm-id`), then the legacy hex `data-legacy-thread-id`
   * (list-inbox-en-us.html; rows of the 2014 inbox carry neither).
   */
  threadIdAttributes: ['data-thread-id', 'data-legacy-thread-id'],

  /**
   * The subject: the span carrying the thread id (list-inbox-en-us.html), `span.bog`
   * (no-thread.html), the first span of `.y6` that is not the snippet `.y2`
   * (inbox-2014-real.html).
   */
  subject: ['[data-thread-id]', '[data-legacy-thread-id]', '.bog', '.y6 > span:not(.y2)'],

  /**
   * The date of the latest message: an element of the date cell `td.xW` whose `title`
   * (else `aria-label`) is a full date, `Thu, Dec 18, 2014 at 12:35 PM`
   * (inbox-2014-real.html) or `Thu, Aug 7, 2025, 9:14 AM` (list-inbox-en-us.html); then
   * any `title` in the row that reads as a full date. Never the cell's short text ("9:14 AM",
   * "Aug 7"): it has no year, and no date at all for today's mail.
   */
  date: ['td.xW [title]', 'td.xW [aria-label]', '[title]'],
} as const;

/** The fixtures that show each lookup of GMAIL_LIST, as data (see GMAIL_FIXTURES). */
export const GMAIL_LIST_FIXTURES: Record<Exclude<keyof typeof GMAIL_LIST, 'threadIdAttributes'>, string[]> = {
  row: ['gmail/inbox-2014-real.html', 'gmail/list-inbox-en-us.html'],
  unread: ['gmail/inbox-2014-real.html', 'gmail/list-inbox-en-us.html'],
  read: ['gmail/inbox-2014-real.html', 'gmail/list-inbox-en-us.html'],
  unreadSender: ['gmail/inbox-2014-real.html', 'gmail/list-inbox-en-us.html'],
  readSender: ['gmail/inbox-2014-real.html', 'gmail/list-inbox-en-us.html'],
  participants: ['gmail/inbox-2014-real.html', 'gmail/list-inbox-en-us.html'],
  subject: ['gmail/inbox-2014-real.html', 'gmail/list-inbox-en-us.html'],
  date: ['gmail/inbox-2014-real.html', 'gmail/list-inbox-en-us.html'],
};
