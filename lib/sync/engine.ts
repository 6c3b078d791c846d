/**
 * Sync between this browser and the user's CouchDB (issue #19), run by the background.
 *
 * Three stores take part. Dexie is the product's database and stays the one everything
 * reads. A local PouchDB is a mirror of the server's encrypted documents: CouchDB's own
 * replication (PouchDB's, with its checkpoints, live changes and retries) moves documents
 * between the mirror and the server, so an interrupted sync resumes where it stopped and
 * this code never speaks the protocol itself. Between Dexie and the mirror this engine
 * moves clients, one serial queue for both directions so they never interleave:
 *
 * - **out** (`push`): after a local write (the background hears Dexie's `storagemutated`)
 *   the clients with something new (lib/db/sync-store.ts `localChanges`) are encrypted
 *   into the mirror in one `bulkDocs`; replication takes them to the server.
 * - **in** (`pull`): the mirror's changes feed names each document that arrived; its
 *   winning revision and any conflicting ones are decrypted and merged
 *   (lib/domain/sync-merge.ts), merged again with the client here and written to Dexie in
 *   one transaction (`applyDocument`); when the result differs from what came, or conflicts
 *   were there, the merged version goes back as the new revision and the conflicting ones
 *   are removed, so they do not pile up.
 *
 * The server holds a header (`touchbase-header`: the salt, the iteration count, a known
 * text under the key); connecting checks the passphrase against it before anything is
 * stored or sent. Every other document is `{ v, iv, ct }` under an id that is the HMAC of a
 * random name: the server learns neither names, addresses, amounts nor which is which.
 */
import {
  agreedRevision, applyDocument, applyDocuments, applyRecord, forgetSync, localRecordChanges, markRecordsWritten, resolveReferrals, getSyncMeta, localChanges, markWritten, putSyncMeta, setAgreedRevision, SyncRefs,
} from '../db/sync-store';
import { mergeClientDocuments, type ClientDocument } from '../domain/sync-merge';
import { sameDocument, toClientDocument } from '../domain/sync-document';
import type { SyncStatus } from '../messages/protocol';
import {
  decryptJson, documentId, encryptJson, newHeader, openHeader, toBase64Url, type EncryptedBody, type SyncHeader, type SyncKeys,
} from './crypto';
import { checkSyncConfig, type SyncConfig } from './config';
import type { PouchConstructor, PouchDatabase, PouchDoc, PouchEmitter } from './pouch-types';

export const HEADER_ID = 'touchbase-header';
export const PASSPHRASE_CHANGED = 'The passphrase was changed on another browser: enter the new one to go on syncing. Nothing here is lost meanwhile.';
/**
 * Replication's batches: 500 documents a request (PouchDB's default is 100), so a first sync
 * of a big book makes fewer round trips and mirror transactions (BENCHMARKS.md, sync)
 */
const BATCHES = { batch_size: 500, batches_limit: 4 };
/** documents applied per transaction in a full pull */
const PULL_BATCH = 200;

interface Incoming {
  docId: string;
  rev: string;
  /** every version merged */
  incoming: ClientDocument;
  /** the winner's version first, then the conflicting ones */
  versions: ClientDocument[];
  /** the conflicting revisions, to remove once merged */
  losers: string[];
}
const MIRROR = 'touchbase-sync';

interface Stored {
  config: SyncConfig;
  keys: SyncKeys;
}

export interface SyncEngineDeps {
  Pouch: PouchConstructor;
  /** the options given to the local mirror (tests: the memory adapter) */
  mirrorOptions?: Record<string, unknown>;
  now?: () => number;
  /** after each change of status */
  onStatus?: (s: SyncStatus) => void;
  /** how long to wait after a local write before sending, ms */
  pushDelay?: number;
}

function remoteOf(Pouch: PouchConstructor, c: SyncConfig): PouchDatabase {
  return new Pouch(`${c.url.replace(/\/+$/, '')}/${encodeURIComponent(c.database)}`, {
    auth: { username: c.user, password: c.password },
    skip_setup: true,
  });
}

/**
 * A new client's document id: the keyed hash of a random name, so it says nothing and is
 * never the same twice. `c` first: base64url may begin with `_`, which CouchDB keeps for
 * its own documents and refuses.
 */
export async function newClientDocId(keys: SyncKeys): Promise<string> {
  return `c${await documentId(keys, `client:${toBase64Url(crypto.getRandomValues(new Uint8Array(16)))}`)}`;
}

/** CouchDB's error, or a failed fetch, in words a salesperson can act on. */
export function describeSyncError(e: unknown): string {
  const err = e as { status?: number; name?: string; message?: string; reason?: string };
  if (err?.status === 401 || err?.status === 403) return 'The server refused the user name or password.';
  if (err?.status === 404) return 'The server has no such database. Create it first (see the README), or check its name.';
  if (err?.name === 'WrongPassphraseError' || err?.name === 'UnreadableDocumentError') return err.message!;
  if (err?.status === 0 || /fetch|network|ECONNREFUSED/i.test(err?.message ?? '')) return 'The server cannot be reached. Touchbase keeps working and will try again.';
  return err?.reason ?? err?.message ?? String(e);
}

export class SyncEngine {
  private stored?: Stored;
  private mirror?: PouchDatabase;
  private remote?: PouchDatabase;
  private replication?: PouchEmitter;
  private refs?: SyncRefs;
  /** false from connecting until the server's documents were first taken (see syncNow) */
  private pulledOnce = true;
  /** the passphrase was changed on another device: nothing moves until the new one is given */
  private locked = false;
  private feed?: PouchEmitter;
  private queue: Promise<unknown> = Promise.resolve();
  private pushTimer?: ReturnType<typeof setTimeout>;
  private state: SyncStatus = { state: 'off', pending: 0 };
  private readonly now: () => number;

  constructor(private readonly deps: SyncEngineDeps) {
    this.now = deps.now ?? Date.now;
  }

  status(): SyncStatus {
    return { ...this.state, ...(this.stored ? { server: this.stored.config.url, database: this.stored.config.database, user: this.stored.config.user } : {}) };
  }

  private setStatus(patch: Partial<SyncStatus>) {
    this.state = { ...this.state, ...patch };
    // locked stays said until the new passphrase is given: replication's own events (paused,
    // active) keep coming meanwhile and would otherwise say all is well
    if (this.locked) this.state = { ...this.state, state: 'error', locked: true, error: PASSPHRASE_CHANGED };
    // kept only while connected: a refused connection leaves nothing behind
    if (this.stored) void putSyncMeta('status', this.state).catch(() => undefined);
    this.deps.onStatus?.(this.status());
  }

  /**
   * Connects to `config` with `passphrase`: the passphrase is checked against the server's
   * header (one is made when the database has none) before anything is stored here; then
   * this device's clients and the server's merge, both ways.
   */
  async connect(input: SyncConfig, passphrase: string): Promise<SyncStatus> {
    const config = checkSyncConfig(input);
    if (typeof passphrase !== 'string' || passphrase.length < 8) throw new Error('The passphrase needs at least 8 characters.');
    await this.stop();
    const remote = remoteOf(this.deps.Pouch, config);
    this.setStatus({ state: 'connecting', error: undefined });
    let keys: SyncKeys;
    let salt: string;
    try {
      await remote.info();
      let header: SyncHeader | undefined;
      try {
        header = (await remote.get(HEADER_ID)) as unknown as SyncHeader;
      } catch (e) {
        if ((e as { status?: number }).status !== 404) throw e;
      }
      if (header) keys = await openHeader(header, passphrase);
      else {
        const made = await newHeader(passphrase);
        keys = made.keys;
        header = made.header;
        await remote.put({ _id: HEADER_ID, ...made.header } as unknown as PouchDoc);
      }
      salt = header.salt;
    } catch (e) {
      this.setStatus({ state: 'off', error: describeSyncError(e) });
      throw new Error(describeSyncError(e));
    }
    // a different database than before: what was agreed with the old one means nothing here
    const before = await getSyncMeta<SyncConfig>('config');
    if (before && (before.url !== config.url || before.database !== config.database)) await this.forgetMirror();
    await putSyncMeta('config', config);
    await putSyncMeta('keys', keys);
    this.stored = { config, keys };
    await putSyncMeta('salt', salt);
    this.locked = false;
    this.pulledOnce = false;
    await this.start();
    await this.syncNow();
    return this.status();
  }

  /** Picks up a connection made before (a restarted background); false when there is none. */
  async resume(): Promise<boolean> {
    const [config, keys] = await Promise.all([getSyncMeta<SyncConfig>('config'), getSyncMeta<SyncKeys>('keys')]);
    if (!config || !keys) return false;
    this.stored = { config, keys };
    const saved = await getSyncMeta<SyncStatus>('status');
    this.locked = !!saved?.locked;
    this.setStatus(saved ? { ...saved, state: saved.locked ? 'error' : 'idle' } : { state: 'idle' });
    await this.start();
    this.schedulePush(0);
    return true;
  }

  private async start(): Promise<void> {
    const { config } = this.stored!;
    this.mirror = new this.deps.Pouch(MIRROR, this.deps.mirrorOptions ?? {});
    this.remote = remoteOf(this.deps.Pouch, config);
    this.refs = await SyncRefs.load();
    const since = (await getSyncMeta<number | string>('seq')) ?? 0;
    this.feed = this.mirror.changes({ since, live: true, return_docs: false });
    // what arrives is taken in batches from the last seq applied: a first sync brings
    // thousands of changes, and one transaction each would take minutes
    // (the header too: a new one may be what makes documents that arrived before it readable, or not)
    this.feed.on('change', () => this.schedulePull());
    this.feed.on('error', (e: unknown) => this.setStatus({ state: 'error', error: describeSyncError(e) }));
    this.replication = this.mirror.sync(this.remote, {
      ...BATCHES,
      live: true,
      retry: true,
      // 1 s, doubling, at most a minute between tries while the server is away
      back_off_function: (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 60_000)),
    });
    this.replication
      .on('active', () => this.setStatus({ state: 'syncing' }))
      .on('paused', (err?: unknown) =>
        err
          ? this.setStatus({ state: 'offline', error: describeSyncError(err) })
          : this.setStatus({ state: 'idle', error: undefined, lastSyncedAt: this.now() }),
      )
      .on('denied', (e: unknown) => this.setStatus({ state: 'error', error: describeSyncError(e) }))
      .on('error', (e: unknown) => this.setStatus({ state: 'error', error: describeSyncError(e) }));
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch((e) => this.setStatus({ state: 'error', error: describeSyncError(e) }));
    return run;
  }

  /** The worker was woken to sync (lib/background/sync.ts): look both ways now. */
  wake(): void {
    if (!this.stored) return;
    this.schedulePull();
    this.schedulePush(0);
  }

  /** A local write happened: send what changed soon (a burst of writes sends once). */
  notifyLocalChange(): void {
    if (this.stored) this.schedulePush(this.deps.pushDelay ?? 300);
  }

  private pullTimer?: ReturnType<typeof setTimeout>;

  private schedulePull() {
    if (this.pullTimer !== undefined) return;
    this.pullTimer = setTimeout(() => {
      this.pullTimer = undefined;
      void this.enqueue(() => this.pullAll()).catch(() => undefined);
    }, 50);
  }

  private schedulePush(delay: number) {
    clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => void this.enqueue(() => this.push()).catch(() => undefined), delay);
  }

  /**
   * Everything both ways now: every local change into the mirror, the mirror and the server
   * replicated once, and what came applied. Resolves when done (or rejects in words).
   */
  async syncNow(): Promise<SyncStatus> {
    if (!this.stored || !this.mirror || !this.remote) throw new Error('Sync is not connected.');
    const mirror = this.mirror;
    const remote = this.remote;
    try {
      // what the server has first: a device connecting with clients of its own links them to
      // the documents the server has for the same people, rather than making second ones
      await mirror.replicate.from(remote, BATCHES);
      await this.enqueue(() => this.pullAll());
      this.pulledOnce = true;
      await this.enqueue(() => this.push());
      await mirror.replicate.to(remote, BATCHES);
    } catch (e) {
      if (this.locked) throw new Error(PASSPHRASE_CHANGED);
      this.setStatus({ state: 'offline', error: describeSyncError(e) });
      throw new Error(describeSyncError(e));
    }
    if (this.locked) throw new Error(PASSPHRASE_CHANGED);
    this.setStatus({ state: 'idle', error: undefined, lastSyncedAt: this.now() });
    return this.status();
  }

  private async pullAll(): Promise<void> {
    if (this.locked) return;
    const mirror = this.mirror!;
    const since = (await getSyncMeta<number | string>('seq')) ?? 0;
    const changes = await mirror.changes({ since, return_docs: true });
    const ids = [...new Set(changes.results.map((c) => c.id))].filter((id) => id !== HEADER_ID && !id.startsWith('_'));
    // in batches, each written in one transaction: a first sync brings every client
    const arrived: string[] = [];
    for (let i = 0; i < ids.length; i += PULL_BATCH) {
      const all = (await Promise.all(ids.slice(i, i + PULL_BATCH).map((id) => this.read(id)))).filter((r): r is Incoming => !!r);
      // the settings and templates, each on its own (few)
      for (const r of all.filter((x) => x.incoming.kind !== 'client')) await this.settle(r, (await applyRecord(r.docId, r.incoming, r.rev, this.now())).merged);
      const reads = all.filter((x) => x.incoming.kind === 'client');
      let applied: { merged: ClientDocument }[];
      try {
        applied = await applyDocuments(this.refs!, reads, this.now());
      } catch {
        // one of them is refused: the rest, one by one, so only that one waits
        applied = [];
        for (const r of reads) applied.push(await applyDocument(this.refs!, r.docId, r.incoming, r.rev, this.now()).catch((e) => {
          this.setStatus({ error: describeSyncError(e) });
          return { merged: r.versions[0] };
        }));
      }
      for (let j = 0; j < reads.length; j++) await this.settle(reads[j], applied[j].merged);
      arrived.push(...reads.map((r) => r.docId));
      this.setStatus({ state: 'syncing' });
    }
    // a referral whose referrer came in a later batch
    await resolveReferrals(this.refs!, arrived);
    await putSyncMeta('seq', changes.last_seq);
  }

  /** Local changes into the mirror, in batches; the settings and templates first. */
  private async push(): Promise<void> {
    if (!this.pulledOnce || this.locked) return;
    const { keys } = this.stored!;
    const records = await localRecordChanges({
      settings: `s${await documentId(keys, 'settings')}`,
      // a built-in is the same document on every device; the user's own, one each
      template: async (t) => `t${await documentId(keys, t.builtInKey ? `template:builtin:${t.builtInKey}` : `template:${toBase64Url(crypto.getRandomValues(new Uint8Array(16)))}`)}`,
    }, this.now());
    await this.writeOut(records, markRecordsWritten);
    for (;;) {
      const refs = this.refs!;
      const out = await localChanges(refs, () => newClientDocId(keys), this.now());
      this.setStatus({ pending: out.length });
      if (out.length === 0) return;
      await this.writeOut(out, (written) => markWritten(refs, written));
    }
  }

  /** One document's body in the mirror: its id, the revision it replaces, the ciphertext. */
  private async body(keys: SyncKeys, docId: string, doc: unknown, rev?: string): Promise<PouchDoc> {
    return { _id: docId, ...(rev ? { _rev: rev } : {}), v: 1, ...(await encryptJson(keys, docId, doc)) } as PouchDoc;
  }

  /**
   * Documents into the mirror in one `bulkDocs`; `mark` records those written. One the mirror
   * refuses as a conflict moved on there (a version from elsewhere not applied yet): it is
   * merged with that version instead.
   */
  private async writeOut<T extends { docId: string; doc: ClientDocument; rev?: string }>(
    items: T[],
    mark: (written: (T & { rev: string })[]) => Promise<void>,
  ): Promise<void> {
    if (items.length === 0) return;
    const keys = this.stored!.keys;
    const results = await this.mirror!.bulkDocs(await Promise.all(items.map((o) => this.body(keys, o.docId, o.doc, o.rev))));
    await mark(items.flatMap((o, i) => (results[i].ok && results[i].rev ? [{ ...o, rev: results[i].rev! }] : [])));
    for (let i = 0; i < items.length; i++) {
      const r = results[i];
      if (r.ok) continue;
      if (r.error === 'conflict') await this.pull(items[i].docId);
      else throw new Error(r.message ?? r.error ?? 'the mirror refused a document');
    }
  }

  /**
   * A document of the mirror, its versions decrypted and merged; none when there is
   * nothing new in it (the revision this device wrote or agreed on, without conflicts).
   */
  private async read(docId: string): Promise<Incoming | undefined> {
    const { keys } = this.stored!;
    const mirror = this.mirror!;
    let winner: PouchDoc;
    try {
      winner = await mirror.get(docId, { conflicts: true });
    } catch (e) {
      if ((e as { status?: number }).status === 404) return undefined;
      throw e;
    }
    const conflicts = winner._conflicts ?? [];
    if (conflicts.length === 0 && (await agreedRevision(docId)) === winner._rev) return undefined;
    const raw = [winner, ...(await Promise.all(conflicts.map((rev) => mirror.get(docId, { rev }))))];
    const versions: ClientDocument[] = [];
    for (const v of raw) {
      let plain: unknown;
      try {
        plain = await decryptJson(keys, docId, v as unknown as EncryptedBody);
      } catch (e) {
        await this.checkHeader();
        throw e;
      }
      versions.push(toClientDocument(plain));
    }
    return { docId, rev: winner._rev!, incoming: versions.reduce(mergeClientDocuments), versions, losers: raw.slice(1).map((v) => v._rev!) };
  }

  /**
   * After a document was applied here: the merge goes back into the mirror when it differs
   * from the winner, and the losing revisions are removed.
   */
  private async settle(r: Incoming, merged: ClientDocument): Promise<void> {
    const mirror = this.mirror!;
    const losers = r.losers.map((rev) => ({ _id: r.docId, _rev: rev, _deleted: true }) as PouchDoc);
    if (sameDocument(merged, r.versions[0])) {
      // the winner says it all already: only the losing branches go. Writing the winner again
      // would make, on two devices resolving the same conflict at once, a new conflict of two
      // equal versions, each of which would be written again...
      if (losers.length) await mirror.bulkDocs(losers);
      return;
    }
    const [written] = await mirror.bulkDocs([await this.body(this.stored!.keys, r.docId, merged, r.rev), ...losers]);
    if (written.ok && written.rev) await setAgreedRevision(r.docId, written.rev);
  }

  /** A document of the mirror into Dexie: its versions merged, with the client here. */
  private async pull(docId: string): Promise<void> {
    const r = await this.read(docId);
    if (!r) return;
    const { merged } =
      r.incoming.kind === 'client' ? await applyDocument(this.refs!, docId, r.incoming, r.rev, this.now()) : await applyRecord(docId, r.incoming, r.rev, this.now());
    await this.settle(r, merged);
  }

  private async stop(): Promise<void> {
    clearTimeout(this.pushTimer);
    clearTimeout(this.pullTimer);
    this.pullTimer = undefined;
    this.replication?.cancel();
    this.feed?.cancel();
    // what is under way finishes first, but Disconnect never waits on it for ever (a request
    // to a server that stopped answering, say)
    await Promise.race([this.queue.catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);
    await this.mirror?.close().catch(() => undefined);
    this.replication = this.feed = this.mirror = this.remote = undefined;
    this.refs = undefined;
  }

  private async forgetMirror(): Promise<void> {
    await this.stop();
    await new this.deps.Pouch(MIRROR, this.deps.mirrorOptions ?? {}).destroy();
    await forgetSync();
  }

  /**
   * A document that does not decrypt: if the database's header is not the one this device
   * opened, the passphrase was changed elsewhere. Then nothing moves until the user gives
   * the new one (`unlock`); the clients here and what links them stay as they are.
   */
  private async checkHeader(): Promise<void> {
    const header = (await this.mirror!.get(HEADER_ID).catch(() => undefined)) as unknown as SyncHeader | undefined;
    if (header && header.salt !== (await getSyncMeta<string>('salt'))) {
      this.locked = true;
      this.setStatus({ state: 'error', locked: true, error: PASSPHRASE_CHANGED });
      throw new Error(PASSPHRASE_CHANGED);
    }
  }

  /** The new passphrase, after it was changed on another device. */
  async unlock(passphrase: string): Promise<SyncStatus> {
    if (!this.stored || !this.mirror) throw new Error('Sync is not connected.');
    const header = (await this.remote!.get(HEADER_ID)) as unknown as SyncHeader;
    const keys = await openHeader(header, passphrase);
    await putSyncMeta('keys', keys);
    await putSyncMeta('salt', header.salt);
    this.stored = { ...this.stored, keys };
    this.locked = false;
    this.setStatus({ locked: false, error: undefined });
    return this.syncNow();
  }

  /**
   * A new passphrase: checked against the current one, then every document of the mirror
   * re-encrypted under keys from it (a new salt), the new header with them, and all sent.
   * The documents keep their ids, so every device's links stay; the other devices are
   * asked for the new passphrase when they meet a document they cannot read.
   */
  async changePassphrase(current: string, next: string): Promise<SyncStatus> {
    if (!this.stored || !this.mirror || !this.remote) throw new Error('Sync is not connected.');
    if (typeof next !== 'string' || next.length < 8) throw new Error('The new passphrase needs at least 8 characters.');
    const mirror = this.mirror;
    await this.syncNow();
    const header = (await mirror.get(HEADER_ID)) as unknown as SyncHeader & PouchDoc;
    await openHeader(header, current).catch(() => {
      throw new Error('That is not the current passphrase: nothing was changed.');
    });
    await this.enqueue(async () => {
      const made = await newHeader(next);
      const old = this.stored!.keys;
      const all = (await mirror.allDocs({ include_docs: true })).rows.filter((r) => r.id !== HEADER_ID && !r.id.startsWith('_') && !r.value.deleted);
      const bodies: PouchDoc[] = [];
      for (const r of all) {
        const plain = await decryptJson(old, r.id, r.doc as unknown as EncryptedBody);
        bodies.push(await this.body(made.keys, r.id, plain, r.value.rev));
      }
      // the documents, then the header: a device that reads the new header finds them readable
      const results = await mirror.bulkDocs(bodies);
      const failed = results.filter((x) => !x.ok);
      if (failed.length) throw new Error(`${failed.length} documents could not be re-encrypted (changed meanwhile): nothing was changed; try again.`);
      await mirror.put({ ...made.header, _id: HEADER_ID, _rev: header._rev } as unknown as PouchDoc);
      await putSyncMeta('keys', made.keys);
      await putSyncMeta('salt', made.header.salt);
      this.stored = { ...this.stored!, keys: made.keys };
      // what this device wrote is what it agreed on
      for (let i = 0; i < results.length; i++) if (results[i].rev) await setAgreedRevision(bodies[i]._id, results[i].rev!);
    });
    return this.syncNow();
  }

  /** Stops syncing and forgets the server, the keys and the mirror; the clients here stay. */
  async disconnect(): Promise<SyncStatus> {
    await this.forgetMirror();
    this.stored = undefined;
    this.state = { state: 'off', pending: 0 };
    this.deps.onStatus?.(this.status());
    return this.status();
  }

  /** Settles: the queue drained (tests, the bench). */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }
}
