/**
 * Every selector Touchbase uses on Outlook on the web (outlook.live.com, outlook.office.com,
 * outlook.office365.com, outlook.cloud.microsoft), in one place.
 *
 * Each lookup is a chain of fallbacks tried in order, named by its key (`OUTLOOK.subject`
 * reports as `outlook.subject` in diagnostics): ids, `data-*`, `role` and
 * `aria-*` attributes first, Microsoft's minified class names after them, never translated
 * text (aria-label *values* such as "Email message" or "From:" are translated, so only their
 * presence is used). The facts come from docs/MAIL-PAGES.md; the comment on each chain
 * names the fixture under tests/fixtures/outlook/ that shows it. When Outlook changes, this
 * is the file to edit.
 */
export const OUTLOOK = {
  /**
   * The reading pane: `#ConversationReadingPaneContainer`, or the `[role=main]` section
   * `MailReadCompose` (reading-pane-app-section-ru.html has only the latter); last the
   * `#ReadingPaneContainerId` of older Outlook versions (not in docs/MAIL-PAGES.md, no fixture).
   */
  readingPane: ['#ConversationReadingPaneContainer', '[data-app-section="MailReadCompose"]', '#ReadingPaneContainerId'],

  /** the conversation inside the reading pane (every thread fixture) */
  conversation: ['[data-app-section="ConversationContainer"]'],

  /**
   * The subject: the first heading in the reading pane, often with the full text in `title`
   * (thread-en-us.html); `h1, h2` without a role last. Headings inside a message body are
   * not the subject (thread-en-us.html has one).
   */
  subject: ['[role="heading"][title]', '[role="heading"]', 'h1, h2'],

  /**
   * One message: an element with `aria-expanded` (true when expanded) and an `aria-label`
   * ("Email message", translated: only its presence counts), class `aVla3`. Only
   * candidates holding exactly one date or one sender count, the outermost of them
   * (expanded and collapsed ones in thread-en-gb.html and reading-pane-app-section-ru.html;
   * "More actions" buttons with aria-expanded in thread-en-us.html are not messages).
   */
  message: ['[aria-expanded][aria-label]', '.aVla3'],

  /**
   * The sender: a span whose `aria-label` starts with a translated "From:", class `o4zjZ`,
   * its name in `span.OZZZK`; the address is found by pattern in its text, `title` and
   * `aria-label` (thread-en-us.html: in the text; thread-de.html: in `title`).
   */
  sender: ['span.o4zjZ', 'span.OZZZK'],
  /** the name part of the sender */
  senderName: 'span.OZZZK',
  /**
   * Last resort for the sender: the first element of the message header whose `title` or
   * `aria-label` holds an address (outside the recipients, the date and the body).
   */
  senderFallback: ['[title*="@"]', '[aria-label*="@"]'],

  /**
   * The recipient lines (To, Cc): text like "To: a@b.com" (translated), or names whose
   * address is only in the element's `title` / `aria-label` (thread-en-gb.html has plain
   * addresses, thread-en-us.html names with titles).
   */
  recipients: ['[data-testid="RecipientWell"]'],

  /** the date: `Mon 8/4/2025 9:12 AM` (en-US), `Mo 04.08.2025 09:12` (de) ... (every fixture) */
  date: ['[data-testid="SentReceivedSavedTime"]'],

  /** the message body, sender-controlled HTML: nothing is taken from inside it */
  body: '[role="document"], [id^="UniqueMessageBody"]',

  /**
   * The open conversation's row in the message list: `[role=option][aria-selected=true]`
   * in `#MailList`, whose `data-convid` is the conversation id (thread-en-us.html).
   */
  selectedRow: ['#MailList [role="option"][aria-selected="true"][data-convid]', '[data-convid][aria-selected="true"]'],
  threadIdAttribute: 'data-convid',

  /**
   * The user's own address: the folder-tree root `[id^=primaryMailboxRoot_]` (its `title`
   * and `data-folder-name`, thread-en-us.html), the account button `#O365_MainLink_Me`
   * (its `title`/`aria-label`, thread-de.html), and the account flyout's
   * `#mectrl_currentAccount_secondary` (Microsoft's account control, present once opened;
   * not in docs/MAIL-PAGES.md).
   */
  self: ['[id^="primaryMailboxRoot_"]', '#O365_MainLink_Me', '#mectrl_currentAccount_secondary'],
} as const;

/**
 * The fixtures (under tests/fixtures/) that show each lookup, as data: a test checks that
 * each chain matches in every fixture named here, so a comment above cannot go stale. It is
 * never imported by the content script, so it costs the bundle nothing.
 */
export const OUTLOOK_FIXTURES: Record<Exclude<keyof typeof OUTLOOK, 'threadIdAttribute'>, string[]> = {
  readingPane: ['outlook/thread-en-us.html', 'outlook/reading-pane-app-section-ru.html'],
  conversation: ['outlook/thread-en-us.html', 'outlook/thread-en-gb.html', 'outlook/reading-pane-app-section-ru.html'],
  subject: ['outlook/thread-en-us.html'],
  message: ['outlook/thread-en-gb.html', 'outlook/reading-pane-app-section-ru.html'],
  sender: ['outlook/thread-en-us.html', 'outlook/thread-de.html'],
  senderName: ['outlook/thread-en-us.html'],
  senderFallback: ['outlook/thread-en-us.html'],
  recipients: ['outlook/thread-en-gb.html', 'outlook/thread-en-us.html'],
  date: ['outlook/thread-en-us.html', 'outlook/thread-de.html', 'outlook/thread-en-gb.html'],
  body: ['outlook/thread-en-us.html'],
  selectedRow: ['outlook/thread-en-us.html'],
  self: ['outlook/thread-en-us.html', 'outlook/thread-de.html'],
};

/**
 * What lib/mail/compose.ts is given to find the reply box, injected on demand: a separate
 * object, not a key of OUTLOOK, so that the content script (which never writes) does not
 * carry it (every key of an object literal stays in a bundle).
 */
export const OUTLOOK_COMPOSE = {
  /**
   * The reply or compose box: a multi-line contenteditable textbox in the reading pane or
   * the compose form (labels translated: matched by role and attributes only).
   * tests/fixtures/e2e/outlook-reply.html.
   */
  replyBox: ['div[contenteditable="true"][role="textbox"][aria-multiline="true"]', 'div[contenteditable="true"][role="textbox"]'],
} as const;

/** The fixtures that show each lookup of OUTLOOK_COMPOSE, as data (see OUTLOOK_FIXTURES). */
export const OUTLOOK_COMPOSE_FIXTURES: Record<keyof typeof OUTLOOK_COMPOSE, string[]> = {
  replyBox: ['e2e/outlook-reply.html'],
};

/**
 * The list itself, `#MailList` (mail-dom.md, every fixture; `data-app-section="MessageList"`
 * in list-inbox-en-us.html): the content script watches the smallest element holding it and
 * the reading pane, since the two sit side by side.
 */
export const OUTLOOK_LIST_BOX = ['#MailList', '[data-app-section="MessageList"]'] as const;

/**
 * The rows of `#MailList` (mail-dom.md, list-inbox-en-us.html), then those of any listbox.
 * This and OUTLOOK_LIST_BOX stand on their own, since the content script names them: every
 * key of OUTLOOK_LIST it named from outside outlook-list.ts would keep the whole object in
 * its bundle (~150 bytes).
 */
export const OUTLOOK_LIST_ROWS = ['#MailList [role="option"][data-convid]', '[role="listbox"] [role="option"][data-convid]'] as const;

/**
 * The message list, read by ./outlook-list.ts (list-inbox-en-us.html). What live captures in
 * public code rely on: rows `[role=option][data-convid]`, the sender's address in a `title`,
 * the full date in a `title`, the subject in `span.TtcXM`.
 *
 * Unread (ASSUMPTION, no capture checked here shows it): Outlook says "Unread" only inside
 * each row's translated `aria-label`, and no attribute or stable class for it is known, so
 * the reader goes by what Outlook has always shown: an unread row's subject is bold. It reads
 * the subject's computed `font-weight` (600 and up is unread, as Outlook's semibold) where the
 * page has a window (the content script); in a parsed page without styles, an inline
 * `font-weight` or `bold` markup around the subject; else it cannot tell (`unread: unknown`).
 *
 * A separate object, not a key of OUTLOOK, so that a bundle of the thread reader alone does
 * not carry it (the content script's budget is 15 KB minified); diagnostics name its keys
 * `outlook.list.<key>`.
 */
export const OUTLOOK_LIST = {
  /** the list: OUTLOOK_LIST_BOX */
  list: OUTLOOK_LIST_BOX,
  /** the rows: OUTLOOK_LIST_ROWS */
  rows: OUTLOOK_LIST_ROWS,
  /** never a row inside a message body (a mail could carry fake rows), nor in OUTLOOK.readingPane */
  notIn: '[id^="UniqueMessageBody"]',
  /**
   * The subject: `span.TtcXM`, the class a live capture reads subjects by; no attribute
   * marks it. Its text, else its `title`.
   */
  subject: ['.TtcXM'],
  /**
   * The sender: elements before the subject (the preview after it is mail text) whose
   * `title` is an address or whose `title`/`aria-label` holds one in `<...>`; never the
   * shown name, which anyone can make look like an address (list-inbox-en-us.html has one).
   */
  sender: ['[title*="@"]', '[aria-label*="@"]'],
  /**
   * The date: the first `title` (then `aria-label`) of the row, outside the subject, that
   * reads as a full date, `Thu 8/7/2025 9:14 AM` (`span._rWRU` in live pages and in
   * list-inbox-en-us.html), never the short text ("9:14 AM").
   */
  date: ['[title]', '[aria-label]'],
  /** bold markup, the unread signal of a page without styles (outlook-list.test.ts) */
  bold: 'b, strong',
} as const;

/** The fixtures that show each lookup of OUTLOOK_LIST, as data (see OUTLOOK_FIXTURES). */
export const OUTLOOK_LIST_FIXTURES: Record<Exclude<keyof typeof OUTLOOK_LIST, 'notIn' | 'bold'>, string[]> = {
  list: ['outlook/list-inbox-en-us.html', 'outlook/thread-en-us.html', 'outlook/reading-pane-app-section-ru.html'],
  rows: ['outlook/list-inbox-en-us.html'],
  subject: ['outlook/list-inbox-en-us.html'],
  sender: ['outlook/list-inbox-en-us.html'],
  date: ['outlook/list-inbox-en-us.html'],
};
