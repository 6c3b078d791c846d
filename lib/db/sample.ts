/**
 * Sample clients for trying Touchbase without a real history: a handful of people at
 * every stage, with a late reply, an overdue client, a birthday this week and a key
 * account, written through the repository so every derived field is true. Only loaded
 * on request, into an empty database.
 */
import { ValidationError } from './errors';
import { db } from './schema';
import { createClient, updateClient } from './clients';
import { logTouchpoint, type TouchpointInput } from './touchpoints';

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface SampleClient {
  name: string;
  email: string;
  company?: string;
  tags?: string[];
  keyAccount?: boolean;
  birthdayInDays?: number;
  history: Omit<TouchpointInput, 'clientId'>[];
}

function sample(now: number): SampleClient[] {
  const ago = (d: number) => now - d * DAY;
  return [
    {
      name: 'Dana Client', email: 'dana.client@acme-corp.com', tags: ['renewal'], keyAccount: true,
      history: [
        { kind: 'sale', amount: 18_000, at: ago(400), summary: 'First annual plan' },
        { kind: 'sale', amount: 21_500, at: ago(35), summary: 'Renewal, 20 seats' },
        { kind: 'meeting', at: ago(30), summary: 'Kick-off with the new team' },
      ],
    },
    {
      name: 'Lee Buyer', email: 'lee.buyer@globex.io', tags: ['logistics'],
      history: [
        { kind: 'sale', amount: 4_200, at: ago(120) },
        { kind: 'sale', amount: 3_900, at: ago(70) },
        { kind: 'call', at: ago(60), summary: 'Asked about volume pricing' },
        // five days: over 48 working hours on any weekday (five days hold one weekend at most)
        { kind: 'email-in', at: now - 5 * DAY - 2 * HOUR, subject: 'Volume pricing for Q1?' },
      ],
    },
    {
      name: 'Priya Raman', email: 'priya@initech.example', birthdayInDays: 3,
      history: [
        { kind: 'sale', amount: 2_400, at: ago(20), summary: 'Starter pack' },
        { kind: 'email-out', at: ago(19), subject: 'Welcome aboard' },
        { kind: 'email-in', at: ago(12), subject: 'Training dates?' },
        { kind: 'email-out', at: ago(12) + 30 * HOUR, subject: 'Re: Training dates?' },
      ],
    },
    {
      name: 'Marco Bianchi', email: 'marco@bianchi-design.it',
      history: [
        { kind: 'email-in', at: now - 20 * HOUR, subject: 'Question about the invoice' },
        { kind: 'call', at: ago(9) },
      ],
    },
    {
      name: 'Sofia Lindqvist', email: 'sofia@nordic-supply.se', tags: ['trade fair'],
      history: [
        { kind: 'email-in', at: ago(75), subject: 'Catalogue request' },
        { kind: 'call', at: ago(75) + 52 * HOUR },
        { kind: 'meeting', at: ago(11), summary: 'Met at the fair, wants a demo' },
      ],
    },
    {
      name: 'Tom Okafor', email: 'tom.okafor@umbrella.example', keyAccount: true,
      history: [
        { kind: 'sale', amount: 52_000, at: ago(300) },
        { kind: 'sale', amount: 48_000, at: ago(150) },
        { kind: 'sale', amount: 55_000, at: ago(60) },
        { kind: 'meeting', at: ago(40), summary: 'Quarterly review' },
        { kind: 'email-in', at: ago(45), subject: 'Invoice question' },
        { kind: 'email-out', at: ago(45) + 5 * HOUR, subject: 'Re: Invoice question' },
      ],
    },
    {
      name: 'Hannah Weiss', email: 'h.weiss@weiss-gmbh.de',
      history: [
        { kind: 'sale', amount: 1_200, at: ago(500) },
        { kind: 'note', at: ago(200), summary: 'Moved to a competitor; still friendly' },
        { kind: 'email-out', at: ago(200) },
      ],
    },
    {
      name: 'Noah Kim', email: 'noah.kim@hooli.example',
      history: [
        { kind: 'email-out', at: ago(4), subject: 'Proposal for Q1' },
      ],
    },
  ];
}

export async function loadSampleData(now = Date.now()): Promise<number> {
  if ((await db.clients.count()) > 0) {
    throw new ValidationError('sample data only goes into an empty database');
  }
  const people = sample(now);
  await db.transaction('rw', db.clients, db.histories, db.historyParts, db.digests, db.settings, async () => {
    for (const p of people) {
      const c = await createClient({ name: p.name, emails: [p.email], tags: p.tags, keyAccount: p.keyAccount }, now - 600 * DAY);
      for (const h of p.history) await logTouchpoint({ ...h, clientId: c.id! }, now);
      if (p.birthdayInDays !== undefined) {
        const d = new Date(now + p.birthdayInDays * DAY);
        await updateClient(c.id!, { importantDates: [{ label: 'Birthday', month: d.getMonth() + 1, day: d.getDate() }] }, now);
      }
      if (p.name === 'Hannah Weiss') await updateClient(c.id!, { stageOverride: 'former' }, now);
    }
  });
  return people.length;
}
