/**
 * "Log referral": the client referred someone. The referral is a record in the referrer's
 * history (kind `referral`, the person in its subject); when the user tracks the person,
 * they become a client whose card says who referred them (`referredBy`), and the record
 * names that client (`referredClientId`). Both in one transaction: a referral is never
 * logged half.
 */
import type { Client, Touchpoint } from '../domain/model';
import { LIMITS } from '../domain/model';
import { cleanText, toEmail, ValidationError, type TimeInput } from '../domain/validate';
import { db } from './schema';
import { NotFoundError } from './errors';
import { createClient, findClientByEmail } from './clients';
import { logTouchpoint } from './touchpoints';

export interface ReferralInput {
  referrerId: number;
  /** the person referred: a name, an address, or both */
  name?: string;
  email?: string;
  /** make the person a client (an address is needed), "referred by" the referrer */
  track?: boolean;
  at?: TimeInput;
}

export interface LoggedReferral {
  touchpoint: Touchpoint;
  /** the client the person is (new, or already one) when tracked */
  client?: Client;
}

export async function logReferral(input: ReferralInput, now = Date.now()): Promise<LoggedReferral> {
  if (!input || !Number.isInteger(input.referrerId) || input.referrerId <= 0) throw new ValidationError('a referral needs the client who referred');
  const name = cleanText(input.name, 'name', LIMITS.name);
  const email = input.email?.trim() ? toEmail(input.email) : undefined;
  if (!name && !email) throw new ValidationError('a referral needs the name or the address of the person referred');
  if (input.track && !email) throw new ValidationError('to track them as a client, give their email address');
  const who = name && email ? `${name} <${email}>` : (name || email)!;
  return db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
    const referrer = await db.clients.get(input.referrerId);
    if (!referrer) throw new NotFoundError(`client ${input.referrerId} does not exist`);
    let client: Client | undefined;
    if (input.track && email) {
      client = await findClientByEmail(email);
      if (client?.id === referrer.id) throw new ValidationError('a client cannot refer themselves');
      // someone already tracked keeps their card (and who referred them first)
      client ??= await createClient({ name, emails: [email], referredBy: referrer.id }, now);
    }
    const touchpoint = await logTouchpoint(
      { clientId: referrer.id!, kind: 'referral', subject: `Referred ${who}`, at: input.at, ...(client ? { referredClientId: client.id } : {}) },
      now,
    );
    return { touchpoint, client };
  });
}
