/** "Log referral" (lib/db/referrals.ts) as a write: loaded with the panel's "More…" only. */
import { logReferral, type ReferralInput } from '../db/referrals';
import { useWrite } from './write';

/** Who this client referred, tracked as a client of their own when asked. */
export function useLogReferral() {
  return useWrite({ mutationFn: (input: ReferralInput) => logReferral(input) });
}
