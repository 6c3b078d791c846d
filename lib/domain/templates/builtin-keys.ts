/**
 * The built-in templates' keys, in their shipped order: all a page needs to know that the
 * built-ins are in the database and to sort them. Their words (./builtins.ts) are loaded
 * only when one is missing (a new database, or one added by a newer release) or reset,
 * which keeps them out of the side panel's bundle. A test checks the two lists agree.
 */
export const BUILT_IN_KEYS: readonly string[] = [
  'how-am-i-doing',
  'thank-you-purchase',
  'second-sale',
  'expectation-check',
  'useful-article',
  'plan-review',
  'birthday',
  'holiday',
  'referral',
  'feedback-nps',
  're-engage',
  'late-reply',
];
