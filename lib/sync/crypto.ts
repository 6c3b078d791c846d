/**
 * End-to-end encryption of what Touchbase syncs (issue #19): the server only ever holds
 * ciphertext under ids it cannot link to a client.
 *
 * - **Keys.** One passphrase, stretched with PBKDF2-SHA-256 (600,000 iterations, OWASP's
 *   figure for it in 2023, or more) and a random 16-byte salt, into 512 bits: the first 256
 *   are an AES-GCM key for the documents, the other 256 an HMAC-SHA-256 key for their ids.
 *   The salt and the iteration count are not secret; they travel with the database (its
 *   `SyncHeader`), so every device derives the same keys from the same passphrase.
 * - **Documents.** JSON, encrypted with AES-256-GCM under a fresh random 96-bit nonce each
 *   time, the document's id as additional data: a ciphertext moved under another id fails
 *   its check instead of landing in the wrong client. GCM's tag makes any change to a
 *   stored document an error, never a silently wrong client.
 * - **Ids.** HMAC of what names the thing locally (`client:<first address>`), as base64url:
 *   the same on every device, and without the key nobody can tell which client a document
 *   is or test a guessed address against it.
 * - **The passphrase check.** The header holds a known text encrypted under the key, so a
 *   wrong passphrase is refused, in words, before anything is read or written.
 *
 * WebCrypto only (the browser's own, also in Node 20 for the tests): no library, no key
 * ever leaves the `CryptoKey` objects, which are made non-extractable.
 */

/** the iterations a new database gets, and the fewest a database may have (the floor) */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const CHECK_TEXT = 'touchbase sync key check v1';

export interface SyncKeys {
  /** AES-256-GCM, for the documents */
  enc: CryptoKey;
  /** HMAC-SHA-256, for the documents' ids */
  ids: CryptoKey;
}

/** What a database needs in the clear for every device to derive the same keys, and to check them. */
export interface SyncHeader {
  format: 1;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64url of the salt */
  salt: string;
  /** CHECK_TEXT encrypted under the keys */
  check: EncryptedBody;
}

/** A document's body on the server: nothing in it is readable without the key. */
export interface EncryptedBody {
  /** base64url of the 96-bit nonce */
  iv: string;
  /** base64url of the AES-GCM ciphertext and tag */
  ct: string;
}

/** The passphrase does not open this database (or the header was changed). */
export class WrongPassphraseError extends Error {
  constructor() {
    super('That passphrase does not open this sync database. Nothing was read or changed; check it and try again.');
    this.name = 'WrongPassphraseError';
  }
}

/** A stored document that does not decrypt: changed on the server, or written under other keys. */
export class UnreadableDocumentError extends Error {
  constructor(id: string) {
    super(`The synced document ${id.slice(0, 12)}… could not be decrypted: it was changed on the server or written with another passphrase. It was left as it is.`);
    this.name = 'UnreadableDocumentError';
  }
}

const subtle = () => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('This browser has no WebCrypto: sync cannot encrypt here.');
  return s;
};

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The keys of `passphrase` for a database whose salt and iterations are given. */
export async function deriveKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations = PBKDF2_ITERATIONS): Promise<SyncKeys> {
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new Error('The passphrase is empty.');
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error('The key derivation needs a whole number of iterations.');
  const base = await subtle().importKey('raw', utf8.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512));
  const [enc, ids] = await Promise.all([
    subtle().importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']),
    subtle().importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  bits.fill(0);
  return { enc, ids };
}

/** Encrypts `value` (as JSON) for the document `id`. */
export async function encryptJson(keys: SyncKeys, id: string, value: unknown): Promise<EncryptedBody> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(id) }, keys.enc, utf8.encode(JSON.stringify(value)));
  return { iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
}

/** The value encrypted in `body` for the document `id`; UnreadableDocumentError when it does not decrypt. */
export async function decryptJson(keys: SyncKeys, id: string, body: EncryptedBody): Promise<unknown> {
  let plain: ArrayBuffer;
  try {
    if (!body || typeof body.iv !== 'string' || typeof body.ct !== 'string') throw new Error('shape');
    const iv = fromBase64Url(body.iv);
    if (iv.length !== NONCE_BYTES) throw new Error('nonce');
    plain = await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(id) }, keys.enc, fromBase64Url(body.ct));
  } catch {
    throw new UnreadableDocumentError(id);
  }
  try {
    return JSON.parse(fromUtf8.decode(plain));
  } catch {
    throw new UnreadableDocumentError(id);
  }
}

/** The server's id for what is named `localName` here (e.g. `client:dana@acme.com`). */
export async function documentId(keys: SyncKeys, localName: string): Promise<string> {
  const mac = await subtle().sign('HMAC', keys.ids, utf8.encode(localName));
  return toBase64Url(new Uint8Array(mac));
}

/** A new database's header, for `passphrase`; and the keys it gives. */
export async function newHeader(passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<{ header: SyncHeader; keys: SyncKeys }> {
  if (iterations < PBKDF2_ITERATIONS) throw new Error(`A sync key is derived with at least ${PBKDF2_ITERATIONS} iterations.`);
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const keys = await deriveKeys(passphrase, salt, iterations);
  const check = await encryptJson(keys, 'touchbase-sync-header', CHECK_TEXT);
  return { header: { format: 1, kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64Url(salt), check }, keys };
}

/** The keys of `passphrase` for the database of `header`; WrongPassphraseError when it is not that database's. */
export async function openHeader(header: SyncHeader, passphrase: string): Promise<SyncKeys> {
  if (!header || header.format !== 1 || header.kdf !== 'PBKDF2-SHA-256' || !Number.isInteger(header.iterations) || header.iterations < PBKDF2_ITERATIONS) {
    throw new Error('This database was not made by Touchbase sync (or by a newer version of it): it was left as it is.');
  }
  const keys = await deriveKeys(passphrase, fromBase64Url(header.salt), header.iterations);
  try {
    if ((await decryptJson(keys, 'touchbase-sync-header', header.check)) !== CHECK_TEXT) throw new WrongPassphraseError();
  } catch {
    throw new WrongPassphraseError();
  }
  return keys;
}
