/** The thread contract of DESIGN.md: what a content script reads off a mail page. */
export interface Person {
  /** lower-case, always a valid address */
  email: string;
  name?: string;
}

export interface ThreadMessage {
  id?: string;
  from: Person;
  to: Person[];
  /** ISO 8601 in local time; absent when the page's date could not be read (never guessed) */
  sentAt?: string;
  direction: 'inbound' | 'outbound' | 'unknown';
}

export type MailProvider = 'gmail' | 'outlook';

export interface ThreadSnapshot {
  provider: MailProvider;
  threadId?: string;
  subject: string;
  self?: Person;
  correspondent?: Person;
  participants: Person[];
  /** oldest first, as on screen */
  messages: ThreadMessage[];
}

/** One conversation of the visible message list (inbox, label, search result), as its row shows it. */
export interface MailListRow {
  /** the conversation id: Gmail's thread id (`thread-f:<decimal>` or legacy hex, from data attributes on the row such as `data-legacy-thread-id`, or `data-thread-id`, whichever the row carries; see GMAIL_LIST in gmail-selectors.ts), Outlook's `data-convid` */
  threadId?: string;
  /** participants' addresses, lower-case, in the order the row shows them (Gmail: the `span[email]` in `.yW`; the latest sender is usually last) */
  participants: Person[];
  /** the sender of the latest message when the row tells it (Gmail: the last participant; Outlook: the sender shown) */
  latestFrom?: Person;
  unread: boolean;
  /** the full date of the latest message, ISO 8601 local with offset (parseMailDate), from the row's `title` / `aria-label`, never from the short "9:14 AM" text; absent when unreadable */
  latestAt?: string;
  subject: string;
}
export interface MailListSnapshot { provider: MailProvider; rows: MailListRow[] }
