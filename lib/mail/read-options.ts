/** What a caller may tell a page reader (lib/mail/gmail.ts, lib/mail/outlook.ts). */
export interface ReadOptions {
  /** the user's own addresses from settings, used when the page does not show them */
  ownAddresses?: string[];
  /**
   * When passed, receives the short names of the lookups that failed or found nothing,
   * e.g. `gmail.subject: no match`; never any page content.
   */
  diagnostics?: string[];
}
