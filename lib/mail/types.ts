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
