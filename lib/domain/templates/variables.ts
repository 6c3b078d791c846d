/**
 * The variables a template may use, and how each is filled from the client, the open
 * thread and the user's settings. A variable with no value is not left empty: the
 * renderer inserts its visible placeholder (say "[your name]") for the user to fill in.
 */
import { differenceInCalendarDays } from 'date-fns';
import { distanceStrict } from '../distance';
import type { Client, Settings } from '../model';

export interface VariableSpec {
  name: string;
  description: string;
  /** what is inserted when there is no value */
  placeholder: string;
  /** a value for previews against a sample client */
  sample: string;
}

export const VARIABLES: readonly VariableSpec[] = [
  { name: 'firstName', description: "the client's first name", placeholder: '[first name]', sample: 'Dana' },
  { name: 'name', description: "the client's full name", placeholder: '[name]', sample: 'Dana Client' },
  { name: 'company', description: "the client's company", placeholder: '[company]', sample: 'Acme Corp' },
  { name: 'myName', description: 'your name (settings)', placeholder: '[your name]', sample: 'Sam Seller' },
  { name: 'signature', description: 'your signature (settings)', placeholder: '[your signature]', sample: 'Sam Seller\nAcme Supplies' },
  { name: 'lastContactAgo', description: 'how long since you were last in touch, in words', placeholder: '[a while]', sample: '6 weeks' },
  { name: 'daysSinceContact', description: 'days since you were last in touch', placeholder: '[days]', sample: '42' },
  { name: 'lastSubject', description: 'the subject of the open or latest thread', placeholder: '[subject]', sample: 'Renewal for next year' },
  { name: 'lastPurchaseAgo', description: 'how long since their last purchase, in words', placeholder: '[recently]', sample: '3 months' },
  { name: 'stage', description: 'prospect, customer, client or former', placeholder: '[stage]', sample: 'client' },
];

export const VARIABLE_NAMES = new Set(VARIABLES.map((v) => v.name));
export const placeholderOf = (name: string) => VARIABLES.find((v) => v.name === name)?.placeholder ?? `[${name}]`;

export type TemplateValues = Partial<Record<string, string>>;

export interface VariableContext {
  client?: Pick<Client, 'name' | 'company' | 'lastContactAt' | 'stage'>;
  /** the correspondent's display name from the page when the client has none */
  personName?: string;
  /** subject of the open thread, or of the client's latest email */
  subject?: string;
  lastSaleAt?: number;
  settings: Pick<Settings, 'myName' | 'signature'>;
  now: number;
}

/** The first word of a name, unless the name is really an address or a company. */
export function firstNameOf(name: string | undefined): string | undefined {
  const n = name?.trim();
  if (!n || n.includes('@')) return undefined;
  // "Client, Dana" is the surname-first form some address books use
  const comma = n.split(',');
  const given = comma.length === 2 ? comma[1].trim() : n;
  const first = given.split(/\s+/)[0];
  return first || undefined;
}

export function valuesFor(ctx: VariableContext): TemplateValues {
  const name = ctx.client?.name?.trim() || ctx.personName?.trim() || undefined;
  const last = ctx.client?.lastContactAt;
  const v: TemplateValues = {
    firstName: firstNameOf(name),
    name,
    company: ctx.client?.company?.trim() || undefined,
    myName: ctx.settings.myName?.trim() || undefined,
    signature: ctx.settings.signature?.trim() || undefined,
    lastSubject: ctx.subject?.trim() || undefined,
    stage: ctx.client?.stage,
  };
  if (last !== undefined && last <= ctx.now) {
    v.lastContactAgo = distanceStrict(last, ctx.now);
    v.daysSinceContact = String(differenceInCalendarDays(ctx.now, last));
  }
  if (ctx.lastSaleAt !== undefined && ctx.lastSaleAt <= ctx.now) {
    v.lastPurchaseAgo = distanceStrict(ctx.lastSaleAt, ctx.now);
  }
  return v;
}

export function sampleValues(): TemplateValues {
  return Object.fromEntries(VARIABLES.map((v) => [v.name, v.sample]));
}
