/**
 * The model (./model.ts) as zod schemas, for the receivers of untrusted input: the message
 * protocol (lib/messages/protocol.ts) and backups (lib/backup/schema.ts). Each schema is
 * checked against its model type by the compiler (`satisfies z.ZodType<...>`), and every
 * size and the address rule come from the model, so a rule is written once. (The repository
 * checks the user's own input with lib/domain/validate.ts, which uses the same LIMITS; zod
 * stays out of the side panel's bundle that way.)
 */
import { z } from './zod';
import {
  LIMITS, MAIL_PROVIDERS, MAX_TIME, MIN_TIME, normalizeEmail, STAGES, TEMPLATE_SITUATIONS, TOUCH_KINDS, TOUCH_SOURCES,
  type Client, type MailListSnapshot, type Person, type Template, type ThreadSnapshot, type Touchpoint,
} from './model';
import { TOUCHPOINT_ID_PATTERN } from './ids';

const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as unknown as [T, ...T[]]);

export const text = (max: number) => z.string().max(max);
export const time = z.number().finite().min(MIN_TIME).max(MAX_TIME);
export const positiveId = z.number().int().positive();
/** A touchpoint's id (lib/domain/ids.ts): 26 characters of Crockford base32. */
export const touchpointIdSchema = z.string().regex(TOUCHPOINT_ID_PATTERN, 'not a touchpoint id');

/** A normalised address: what normalizeEmail returns for itself (lower-case, valid). */
export const emailSchema = z
  .string()
  .max(LIMITS.email)
  .refine((s) => s === s.toLowerCase(), 'address must be lower-case')
  .refine((s) => s !== s.toLowerCase() || normalizeEmail(s) === s, 'not an email address');

export const stageSchema = oneOf(STAGES);

// ---------------------------------------------------------------- the thread contract

export const personSchema = z.strictObject({
  email: emailSchema,
  name: text(LIMITS.name).optional(),
}) satisfies z.ZodType<Person>;

const isoDate = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

export const threadSnapshotSchema = z.strictObject({
  provider: oneOf(MAIL_PROVIDERS),
  threadId: text(LIMITS.pageId).optional(),
  subject: text(LIMITS.subject),
  self: personSchema.optional(),
  correspondent: personSchema.optional(),
  participants: z.array(personSchema).max(LIMITS.participants),
  messages: z
    .array(
      z.strictObject({
        id: text(LIMITS.pageId).optional(),
        from: personSchema,
        to: z.array(personSchema).max(LIMITS.participants),
        sentAt: isoDate.optional(),
        direction: z.enum(['inbound', 'outbound', 'unknown']),
      }),
    )
    .max(LIMITS.messages),
}) satisfies z.ZodType<ThreadSnapshot>;

/** Rows of the message list: the content script reads at most 200, with 20 people each. */
export const MAX_LIST_ROWS = 200;
export const MAX_ROW_PEOPLE = 20;

export const mailListSnapshotSchema = z.strictObject({
  provider: oneOf(MAIL_PROVIDERS),
  rows: z
    .array(
      z.strictObject({
        threadId: text(LIMITS.pageId).optional(),
        participants: z.array(personSchema).max(MAX_ROW_PEOPLE),
        latestFrom: personSchema.optional(),
        unread: z.boolean(),
        latestAt: isoDate.optional(),
        subject: text(LIMITS.subject),
      }),
    )
    .max(MAX_LIST_ROWS),
}) satisfies z.ZodType<MailListSnapshot>;

// ---------------------------------------------------------------- the records

export const clientSchema = z.strictObject({
  id: positiveId,
  name: text(LIMITS.name),
  emails: z.array(emailSchema).min(1).max(LIMITS.emails),
  company: text(LIMITS.company).optional(),
  domain: text(LIMITS.domain).optional(),
  stageOverride: stageSchema.optional(),
  tags: z.array(text(LIMITS.tag)).max(LIMITS.tags),
  cadenceDays: z.number().int().min(1).max(LIMITS.cadenceDays).optional(),
  keyAccount: z.boolean().optional(),
  importantDates: z
    .array(
      z.strictObject({
        label: text(LIMITS.dateLabel),
        month: z.number().int().min(1).max(12),
        day: z.number().int().min(1).max(31),
        year: z.number().int().min(1900).max(2200).optional(),
      }),
    )
    .max(LIMITS.importantDates),
  anniversaries: z.array(z.string().regex(/^\d\d-\d\d$/)).max(LIMITS.importantDates).optional(),
  notes: text(LIMITS.notes),
  snoozedUntil: time.optional(),
  formerSince: time.optional(),
  referredBy: positiveId.optional(),
  dormantSnoozedUntil: time.optional(),
  firstDueAt: time.optional(),
  stage: stageSchema,
  saleCount: z.number().int().min(0),
  lifetimeValue: z.number().finite().min(0),
  firstSaleAt: time.optional(),
  lastSaleAt: time.optional(),
  lastContactAt: time.optional(),
  nextDueAt: time.optional(),
  awaitingReplySince: time.optional(),
  needsYouAt: time.optional(),
  dormantAt: time.optional(),
  createdAt: time,
  updatedAt: time,
}) satisfies z.ZodType<Client>;

export const touchpointSchema = z.strictObject({
  id: touchpointIdSchema,
  clientId: positiveId,
  at: time,
  kind: oneOf(TOUCH_KINDS),
  source: oneOf(TOUCH_SOURCES),
  subject: text(LIMITS.subject).optional(),
  summary: text(LIMITS.summary).optional(),
  amount: z.number().finite().min(0).max(LIMITS.amount).optional(),
  threadKey: text(LIMITS.key).optional(),
  messageKey: text(LIMITS.key).optional(),
  templateId: positiveId.optional(),
  noReplyNeeded: z.literal(true).optional(),
  score: z.number().int().min(0).max(10).optional(),
  referredClientId: positiveId.optional(),
  createdAt: time,
}) satisfies z.ZodType<Touchpoint>;

export const templateSchema = z.strictObject({
  id: positiveId,
  name: text(LIMITS.templateName),
  category: text(LIMITS.templateCategory),
  subject: text(LIMITS.templateSubject),
  body: text(LIMITS.templateBody),
  stages: z.array(stageSchema),
  situations: z.array(oneOf(TEMPLATE_SITUATIONS)),
  builtIn: z.boolean(),
  builtInKey: text(LIMITS.builtInKey).optional(),
  updatedAt: time.optional(),
}) satisfies z.ZodType<Template>;
