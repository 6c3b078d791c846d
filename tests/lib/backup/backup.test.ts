import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_LIMITS, BACKUP_VERSION, MAX_BACKUP_BYTES } from '@/lib/backup/schema';
import { exportBackup, parseBackup, planRestore, restoreBackup, canonicalJson, sha256Hex } from '@/lib/backup/backup';
import { createClient, logTouchpoint, getSettings, updateSettings, findClientByEmail, listHistory, db } from '@/lib/db';
import { allTouchpoints } from '@/lib/db/history';
import { isTouchpointId } from '@/lib/domain/ids';
import { listTemplates } from '@/lib/db/templates';
import { createTemplate } from '@/lib/db/template-edits';
import { resetDb, dumpDb, DAY } from '../db/helpers';

const NOW = new Date(2026, 10, 22, 12, 0).getTime();
beforeEach(resetDb);

async function seed() {
  const dana = await createClient({ name: 'Dana <b>Client</b>', emails: ['dana@acme.com', 'd@home.org'], tags: ['vip'] }, NOW - 90 * DAY);
  const lee = await createClient({ name: 'Lee', emails: ['lee@globex.io'] }, NOW - 60 * DAY);
  await logTouchpoint({ clientId: dana.id!, kind: 'sale', amount: 1200, at: NOW - 40 * DAY }, NOW);
  await logTouchpoint({ clientId: dana.id!, kind: 'email-in', at: NOW - 3 * DAY, messageKey: 'gmail:t:1:1', source: 'detected', subject: 'Prices' }, NOW);
  await logTouchpoint({ clientId: lee.id!, kind: 'note', summary: 'Likes golf', at: NOW - DAY }, NOW);
  await listTemplates();
  await createTemplate({ name: 'Price list', subject: 'Prices', body: 'Hi {{firstName}}' }, NOW);
  await updateSettings({ myName: 'Sam', cadenceDays: { client: 30 } as never });
}

/** The text of the file an export offers. */
const exportText = async (now = NOW) => (await exportBackup(now)).text;

describe('backup round trip', () => {
  it('export then restore into an empty database gives identical data', async () => {
    await seed();
    const file = await exportBackup(NOW);
    const before = await dumpDb();
    expect(file.counts).toEqual({ clients: 2, touchpoints: 3, templates: 13, settings: 1 });
    const parsed = await parseBackup(file.text);
    await resetDb();
    const plan = await restoreBackup(parsed, 'replace', NOW);
    expect(plan.clients).toEqual({ total: 2, new: 2, existing: 0 });
    const after = await dumpDb();
    // the same clients, written at the restore (sync sends a restore as an edit made then)
    expect(after.clients).toEqual(before.clients.map((c) => ({ ...c, updatedAt: NOW })));
    expect(after.histories).toEqual(before.histories);
    expect(after.templates).toEqual(before.templates);
    expect(after.settings).toEqual(before.settings);
    expect((await getSettings()).myName).toBe('Sam');
  });

  it('merges by address: existing clients keep their id, duplicates are skipped', async () => {
    await seed();
    const backup = await parseBackup(await exportText());
    await resetDb();
    const dana = await createClient({ name: 'Dana (new)', emails: ['d@home.org'] }, NOW);
    await logTouchpoint({ clientId: dana.id!, kind: 'sale', amount: 1200, at: NOW - 40 * DAY }, NOW);
    const plan = await planRestore(backup, 'merge');
    expect(plan.clients).toEqual({ total: 2, new: 1, existing: 1 });
    expect(plan.touchpoints).toEqual({ total: 3, new: 2, duplicate: 1 });
    await restoreBackup(backup, 'merge', NOW);
    const kept = (await findClientByEmail('d@home.org'))!;
    expect(kept.id).toBe(dana.id);
    expect(kept.name).toBe('Dana (new)');
    // the addresses and tags the record here lacked are added
    expect((await findClientByEmail('dana@acme.com'))?.id).toBe(dana.id);
    expect(kept.tags).toEqual(['vip']);
    expect((await listHistory(kept.id!)).map((t) => t.kind)).toEqual(['email-in', 'sale']);
    expect(kept.awaitingReplySince).toBe(NOW - 3 * DAY);
    expect(await findClientByEmail('lee@globex.io')).toBeDefined();
    expect(await db.templates.where('name').equals('Price list').count()).toBe(1);
  });
});

describe('broken backup files change nothing', () => {
  async function expectRefused(file: string, message: RegExp) {
    const before = await dumpDb();
    await expect(parseBackup(file)).rejects.toThrow(message);
    expect(await dumpDb()).toEqual(before);
  }

  it.each([
    ['empty', async () => '', /empty/],
    ['not JSON', async () => 'name,email\nDana,dana@acme.com', /not JSON/],
    ['truncated', async (t: string) => t.slice(0, Math.floor(t.length / 2)), /cut short/],
    ['another JSON file', async () => '{"hello":"world"}', /not a Touchbase backup/],
    ['from a newer version', async (t: string) => t.replace(`"version":${BACKUP_VERSION}`, `"version":${BACKUP_VERSION + 1}`), /newer version of Touchbase/],
    ['a bad address', async (t: string) => t.replace('"lee@globex.io"', '"lee at globex"'), /clients\[\d\]\.emails\[0\]: not an email address/],
    ['a negative amount', async (t: string) => t.replace('"amount":1200', '"amount":-1200'), /touchpoints\[\d\]\.amount/],
    ['an unknown field', async (t: string) => t.replace('"notes":""', '"notes":"","hack":1'), /Unrecognized key/i],
    ['a changed value', async (t: string) => t.replace('"lifetimeValue":1200', '"lifetimeValue":999'), /checksum does not match/],
    ['a touchpoint of a missing client', async (t: string) => {
      const b = JSON.parse(t);
      b.data.touchpoints[0].clientId = 999;
      b.checksum = await sha256Hex(canonicalJson(b.data));
      return JSON.stringify(b);
    }, /no such client in the file/],
    ['two touchpoints of one client with the same id', async (t: string) => {
      const b = JSON.parse(t);
      const [first, second] = b.data.touchpoints.filter((x: { clientId: number }) => x.clientId === b.data.touchpoints[0].clientId);
      second.id = first.id;
      b.checksum = await sha256Hex(canonicalJson(b.data));
      return JSON.stringify(b);
    }, /touchpoints\[\d\]\.id: duplicate id\./],
  ])('%s', async (_, make, message) => {
    await seed();
    const good = await exportText();
    await expectRefused(await make(good), message);
  });
});

describe('touchpoint ids in every backup format', () => {
  /**
   * The seeded book as a file of format 1 or 2: touchpoint ids numbered across the file (1)
   * or within each client (2). Dana has a call and a meeting at the same moment, the meeting
   * numbered first but listed after the call: the history order is (at, number).
   */
  async function numberedFile(version: 1 | 2) {
    await seed();
    const dana = (await findClientByEmail('dana@acme.com'))!;
    await logTouchpoint({ clientId: dana.id!, kind: 'call', at: NOW - 10 * DAY }, NOW);
    await logTouchpoint({ clientId: dana.id!, kind: 'meeting', at: NOW - 10 * DAY }, NOW);
    const b = JSON.parse(await exportText());
    b.version = version;
    b.schemaVersion = 7;
    let n = 0;
    const perClient = new Map<number, number>();
    const byTime = [...b.data.touchpoints].sort((x, y) => x.at - y.at || (x.kind === 'meeting' ? -1 : 1));
    for (const t of byTime) {
      const next = version === 1 ? ++n : (perClient.get(t.clientId) ?? 0) + 1;
      perClient.set(t.clientId, next);
      t.id = version === 1 ? next * 10 : next;
    }
    const call = b.data.touchpoints.findIndex((t: { kind: string }) => t.kind === 'call');
    const meeting = b.data.touchpoints.findIndex((t: { kind: string }) => t.kind === 'meeting');
    expect(call).toBeLessThan(meeting);
    b.checksum = await sha256Hex(canonicalJson(b.data));
    return { text: JSON.stringify(b), dana: dana.id!, tps: b.data.touchpoints as { id: number; clientId: number }[] };
  }

  const withoutId = ({ id: _id, ...t }: { id?: unknown }) => t;

  it.each([1, 2] as const)('a file of format %i (numbered ids) restores with nothing lost, each history in its order, every id new and unique', async (version) => {
    const file = await numberedFile(version);
    if (version === 2) expect(file.tps.filter((t) => t.id === 1).map((t) => t.clientId).length).toBe(2); // both clients have a touchpoint 1
    const parsed = await parseBackup(file.text);
    await resetDb();
    await restoreBackup(parsed, 'replace', NOW);
    const items = (await db.histories.toArray()).flatMap((h) => h.items);
    expect(items).toHaveLength(file.tps.length);
    expect(items.every((t) => isTouchpointId(t.id))).toBe(true);
    expect(new Set(items.map((t) => t.id)).size).toBe(items.length);
    // every touchpoint whole but for its id
    const key = (t: object) => canonicalJson(withoutId(t as { id?: unknown }));
    expect(items.map(key).sort()).toEqual(file.tps.map(key).sort());
    // the tie in time stays in the order of the numbers: the meeting, then the call
    expect((await db.histories.get(file.dana))!.items.map((t) => t.kind)).toEqual(['sale', 'meeting', 'call', 'email-in']);
  });

  it('a file of format 2 merges into a book with nothing lost', async () => {
    const file = await numberedFile(2);
    const parsed = await parseBackup(file.text);
    await resetDb();
    const lee = await createClient({ name: 'Lee', emails: ['lee@globex.io'] }, NOW);
    await logTouchpoint({ clientId: lee.id!, kind: 'call', at: NOW - 5 * DAY }, NOW);
    await restoreBackup(parsed, 'merge', NOW);
    const items = (await db.histories.toArray()).flatMap((h) => h.items);
    expect(items).toHaveLength(file.tps.length + 1);
    expect(new Set(items.map((t) => t.id)).size).toBe(items.length);
    expect((await listHistory(lee.id!)).map((t) => t.kind)).toEqual(['note', 'call']);
  });

  it('a file of format 3 keeps its ids, in a replace and in a merge', async () => {
    await seed();
    const text = await exportText();
    const ids = JSON.parse(text).data.touchpoints.map((t: { id: string }) => t.id).sort();
    expect(ids.every(isTouchpointId)).toBe(true);
    const parsed = await parseBackup(text);
    await resetDb();
    await restoreBackup(parsed, 'replace', NOW);
    expect((await allTouchpoints()).map((t) => t.id).sort()).toEqual(ids);
    await resetDb();
    await restoreBackup(parsed, 'merge', NOW);
    expect((await allTouchpoints()).map((t) => t.id).sort()).toEqual(ids);
  });

  it('a file of format 3 with one id twice, even in two clients, is refused', async () => {
    await seed();
    const file = await edited(await exportText(), (d) => {
      const [x, y] = d.clients.map((c: { id: number }) => c.id);
      d.touchpoints.find((t: { clientId: number }) => t.clientId === y).id = d.touchpoints.find((t: { clientId: number }) => t.clientId === x).id;
    });
    await expect(parseBackup(file)).rejects.toThrow(/touchpoints\[\d\]\.id: duplicate id\./);
  });

  it('a number for an id in a file of format 3 is refused', async () => {
    await seed();
    const file = await edited(await exportText(), (d) => (d.touchpoints[0].id = 1));
    await expect(parseBackup(file)).rejects.toThrow(/touchpoints\[0\]\.id/);
  });
});

/** The exported file with `edit` made to its data, its counts and checksum made to match: only the rules can refuse it. */
async function edited(good: string, edit: (d: any) => void): Promise<string> {
  const b = JSON.parse(good);
  edit(b.data);
  for (const k of ['clients', 'touchpoints', 'templates', 'settings']) b.counts[k] = b.data[k].length;
  b.checksum = await sha256Hex(canonicalJson(b.data));
  return JSON.stringify(b);
}

const app = (d: any) => d.settings.find((r: { key: string }) => r.key === 'app').value;

describe('a restore checks every row with the rules of the app’s own writes', () => {
  it.each([
    ['own addresses that are not a list (every capture threw)', (d: any) => (app(d).ownAddresses = 5), /settings\.ownAddresses: must be a list/],
    ['an own address that is not one', (d: any) => (app(d).ownAddresses = ['me at home']), /settings\.ownAddresses\[0\]: "me at home" is not an email address/],
    ['a reply threshold in words', (d: any) => (app(d).replyLateHours = 'soon'), /settings\.replyLateHours: must be a number of hours above 0\./],
    ['a negative cadence', (d: any) => (app(d).cadenceDays = { client: -1 }), /settings\.cadenceDays\.client: must be a whole number of days between 1 and 3650/],
    ['a cadence over a quarter, not allowed', (d: any) => (app(d).cadenceDays = { client: 120 }), /settings\.cadenceDays\.client: is over 91 days: allow long cadences first/],
    ['a yes/no in words', (d: any) => (app(d).allowLongCadence = 'yes'), /settings\.allowLongCadence: must be true or false/],
    ['a working week that is not one', (d: any) => (app(d).workingDays = [1, 9]), /settings\.workingDays: 9 is not a weekday/],
    ['late before on time', (d: any) => (app(d).replyOnTimeHours = 60), /settings\.replyLateHours: cannot be before the on-time threshold/],
    ['an unknown setting', (d: any) => (app(d).theme = 'dark'), /settings\.theme: is not a setting/],
    ['an unknown settings row', (d: any) => d.settings.push({ key: 'other', value: {} }), /settings\[1\]\.key: "other" is not a settings row/],
    ['two settings rows', (d: any) => d.settings.push({ key: 'app', value: {} }), /settings\[1\]\.key: a second "app" row/],
    ['30 February', (d: any) => (d.clients[0].importantDates = [{ label: 'Birthday', month: 2, day: 30 }]), /clients\[0\]\.importantDates\[0\]: "Birthday" has no valid day/],
    ['a note without words', (d: any) => {
      const note = d.touchpoints.find((t: { kind: string }) => t.kind === 'note');
      note.summary = ' \u0007 ';
    }, /touchpoints\[\d\]\.summary: a note needs text/],
    ['"no reply needed" on a sale', (d: any) => (d.touchpoints.find((t: { kind: string }) => t.kind === 'sale').noReplyNeeded = true), /touchpoints\[\d\]\.noReplyNeeded: only an email from the client can be marked as needing no reply/],
    ['a template with an unknown variable', (d: any) => (d.templates[d.templates.length - 1].body = 'Hi {{nickname}}'), /templates\[12\]: Unknown variable \{\{nickname\}\} in the body/],
    ['a template without a name', (d: any) => (d.templates[0].name = '   '), /templates\[0\]: The template needs a name/],
  ])('refuses %s, naming the field, and changes nothing', async (_, edit, message) => {
    await seed();
    const file = await edited(await exportText(), edit);
    const before = await dumpDb();
    await expect(parseBackup(file)).rejects.toThrow(message);
    expect(await dumpDb()).toEqual(before);
  });

  it('writes the values as the rules give them, never the raw ones', async () => {
    await seed();
    const file = await edited(await exportText(), (d) => {
      Object.assign(app(d), { ownAddresses: ['Sam@Example.com', 'sam@example.com'], workingDays: [5, 1, 3], myName: '  Sam \u0007 Seller ' });
      const dana = d.clients.find((c: { emails: string[] }) => c.emails.includes('dana@acme.com'));
      dana.tags = ['vip\u0000', '\u0007', 'vip', ' key  account '];
      dana.name = '  Dana \u0001 Client ';
      d.templates[0].name = `${d.templates[0].name}\u0007`;
    });
    const parsed = await parseBackup(file);
    await resetDb();
    await restoreBackup(parsed, 'replace', NOW);
    const settings = await getSettings();
    expect(settings.ownAddresses).toEqual(['sam@example.com']);
    expect(settings.workingDays).toEqual([1, 3, 5]);
    expect(settings.myName).toBe('Sam Seller');
    const dana = (await findClientByEmail('dana@acme.com'))!;
    expect(dana.tags).toEqual(['vip', 'key account']);
    expect(dana.name).toBe('Dana Client');
    expect((await db.templates.toArray()).some((t) => t.name.includes('\u0007'))).toBe(false);
    // nothing else moved: the same clients, touchpoints and templates as exported
    expect((await db.clients.count())).toBe(2);
    expect(await db.templates.count()).toBe(13);
  });
});

describe('a merge keeps every limit', () => {
  const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('tags and addresses are unioned up to the model’s limits, what is here first', async () => {
    // the file's Dana: 40 tags and 41 addresses
    await createClient({ name: 'Dana', emails: ['dana@acme.com', ...many('f', 40).map((f) => `${f}@file.com`)], tags: many('file', 40) }, NOW);
    const file = await parseBackup(await exportText());
    await resetDb();
    // Dana here: 40 other tags and 31 addresses
    const here = await createClient({ name: 'Dana', emails: ['dana@acme.com', ...many('h', 30).map((h) => `${h}@here.com`)], tags: many('here', 40) }, NOW);
    await restoreBackup(file, 'merge', NOW);
    const dana = (await findClientByEmail('dana@acme.com'))!;
    expect(dana.id).toBe(here.id);
    expect(dana.tags).toEqual([...many('here', 40), ...many('file', 10)]);
    expect(dana.emails).toHaveLength(50);
    expect(dana.emails.slice(0, 31)).toEqual(here.emails);
    // 80 tags made the next export unrestorable
    await expect(parseBackup(await exportText())).resolves.toBeDefined();
  });

  it('a merge that would hold more than a backup can is refused, and changes nothing', async () => {
    await seed();
    const file = await parseBackup(await exportText());
    await resetDb();
    await createTemplate({ name: 'Mine', subject: 's', body: 'b' }, NOW);
    const before = await dumpDb();
    const limit = BACKUP_LIMITS.templates;
    BACKUP_LIMITS.templates = 13; // the file's 13 and the one here do not fit
    try {
      await expect(restoreBackup(file, 'merge', NOW)).rejects.toThrow(/more than 13 templates/);
    } finally {
      BACKUP_LIMITS.templates = limit;
    }
    expect(await dumpDb()).toEqual(before);
  });
});

describe('an export checks itself before it is offered', () => {
  it('does not note the time of a backup: the page does, once the file was saved', async () => {
    await seed();
    await exportBackup(NOW);
    expect((await getSettings()).lastBackupAt).toBeUndefined();
  });

  it('a database whose rows break the rules gives no file, and names the row', async () => {
    await seed();
    const dana = (await findClientByEmail('dana@acme.com'))!;
    // written around the repository's checks, as a merge without caps used to
    await db.clients.put({ ...dana, tags: Array.from({ length: 80 }, (_, i) => `t${i}`) });
    await expect(exportBackup(NOW)).rejects.toThrow(/did not pass its own check.*clients\[\d\]\.tags/);
    expect((await getSettings()).lastBackupAt).toBeUndefined();
  });
});

describe('a merge maps the file’s template ids to the templates here', () => {
  it('a touchpoint sent from a template still names that template, however the ids differ', async () => {
    const dana = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 90 * DAY);
    const builtIns = await listTemplates();
    const howAmI = builtIns.find((t) => t.builtInKey === 'how-am-i-doing')!;
    const prices = await createTemplate({ name: 'Price list', subject: 'Prices', body: 'Hi {{firstName}}' }, NOW);
    const gone = await createTemplate({ name: 'Gone', subject: 'x', body: 'y' }, NOW);
    const sent = (templateId: number, days: number) =>
      logTouchpoint({ clientId: dana.id!, kind: 'email-out', source: 'template', templateId, at: NOW - days * DAY }, NOW);
    await sent(howAmI.id!, 30);
    await sent(prices.id!, 20);
    await sent(gone.id!, 10);
    await db.templates.delete(gone.id!); // its touchpoint keeps the id of a template no longer in the file
    const file = await parseBackup(await exportText());

    await resetDb();
    // here the ids are laid out otherwise: two of the user's first, then the built-ins
    const other = await createTemplate({ name: 'Follow-up', subject: 's', body: 'b' }, NOW);
    const pricesHere = await createTemplate({ name: 'Price list', subject: 'Our prices', body: 'Hello' }, NOW);
    const howAmIHere = (await listTemplates()).find((t) => t.builtInKey === 'how-am-i-doing')!;
    expect(howAmIHere.id).not.toBe(howAmI.id);
    expect(pricesHere.id).not.toBe(prices.id);
    await restoreBackup(file, 'merge', NOW);

    const byAt = new Map((await listHistory((await findClientByEmail('dana@acme.com'))!.id!)).map((t) => [t.at, t.templateId]));
    expect(byAt.get(NOW - 30 * DAY)).toBe(howAmIHere.id); // the same built-in, by its key
    expect(byAt.get(NOW - 20 * DAY)).toBe(pricesHere.id); // the same name
    expect(byAt.get(NOW - 10 * DAY)).toBeUndefined(); // no template of the file: named none rather than a wrong one
    expect(await db.templates.where('name').equals('Price list').count()).toBe(1);
    expect(await db.templates.get(other.id!)).toMatchObject({ name: 'Follow-up' });
  });

  it('a template new here gets a new id, and its touchpoints follow it', async () => {
    const dana = await createClient({ name: 'Dana', emails: ['dana@acme.com'] }, NOW - 90 * DAY);
    const renewal = await createTemplate({ name: 'Renewal', subject: 'Renewal', body: 'Time to renew' }, NOW);
    await logTouchpoint({ clientId: dana.id!, kind: 'email-out', source: 'template', templateId: renewal.id, at: NOW - DAY }, NOW);
    const file = await parseBackup(await exportText());
    await resetDb();
    // the file's id is taken here by another template
    for (let i = 0; i <= renewal.id!; i++) await createTemplate({ name: `Mine ${i}`, subject: 's', body: 'b' }, NOW);
    await restoreBackup(file, 'merge', NOW);
    const [tp] = await listHistory((await findClientByEmail('dana@acme.com'))!.id!);
    expect((await db.templates.get(tp.templateId!))?.name).toBe('Renewal');
  });
});

describe('a backup read without holding several copies of it', () => {
  /** The calls of JSON.stringify that wrote a whole data section out again while `run` ran. */
  async function reserialisedData(run: () => Promise<unknown>) {
    const spy = vi.spyOn(JSON, 'stringify');
    try {
      await run();
      return spy.mock.calls.filter(([v]) => v && typeof v === 'object' && 'touchpoints' in v && 'clients' in v).length;
    } finally {
      spy.mockRestore();
    }
  }

  it('an export writes its data once, canonical, after the header; its checksum is the hash of that text', async () => {
    await seed();
    const { text } = await exportBackup(NOW);
    const at = text.indexOf('"data":');
    const header = JSON.parse(`${text.slice(0, at)}"data":null}`);
    const dataText = text.slice(at + 7, -1);
    expect(dataText).toBe(canonicalJson(JSON.parse(dataText)));
    expect(header.checksum).toBe(await sha256Hex(dataText));
    expect(Object.keys(header)).toEqual(['format', 'version', 'schemaVersion', 'exportedAt', 'counts', 'checksum', 'data']);
  });

  it('checking a file as an export writes it does not write its data out again', async () => {
    await seed();
    const { text } = await exportBackup(NOW);
    expect(await reserialisedData(() => parseBackup(text))).toBe(0);
  });

  it('a file laid out otherwise (an older export, a file re-indented by an editor) is checked on its canonical form', async () => {
    await seed();
    const b = JSON.parse((await exportBackup(NOW)).text);
    const indented = JSON.stringify({ data: b.data, ...b, exportedAt: b.exportedAt }, null, 2);
    expect(await reserialisedData(() => parseBackup(indented))).toBe(1);
    await expect(parseBackup(indented)).resolves.toMatchObject({ counts: b.counts });
    // and a change to it is still seen
    await expect(parseBackup(indented.replace('"Likes golf"', '"Likes tennis"'))).rejects.toThrow(/checksum does not match/);
  });

  it('a file laid out as an export writes it with its data changed is refused', async () => {
    await seed();
    const { text } = await exportBackup(NOW);
    await expect(parseBackup(text.replace('"Likes golf"', '"Likes tennis"'))).rejects.toThrow(/checksum does not match/);
    // a second "data" member before the header is no way round the check: as for JSON.parse,
    // the last one is the file's data, and the checksum is over it
    const twice = await parseBackup(text.replace('{"format"', '{"data":{"clients":[]},"format"'));
    expect(twice.data).toEqual((await parseBackup(text)).data);
  });

  it('text longer than a backup can be is refused before it is parsed', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      await expect(parseBackup(' '.repeat(MAX_BACKUP_BYTES + 1))).rejects.toThrow(/too large/);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});

describe('an export of a database an older restore left broken', () => {
  it('exports the settings the app uses: a bad value at its default, not a refusal', async () => {
    await seed();
    await db.settings.put({ key: 'app', value: { myName: 'Sam', ownAddresses: 5, replyLateHours: 'soon' } });
    const file = await parseBackup(await exportText());
    expect(file.data.settings[0].value).toMatchObject({ myName: 'Sam', ownAddresses: [], replyLateHours: 48 });
  });
});
