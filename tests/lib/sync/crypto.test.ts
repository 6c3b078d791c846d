// @vitest-environment node
// (Node's WebCrypto, the same API as the browser's; jsdom has none)
import { describe, expect, it } from 'vitest';
import {
  PBKDF2_ITERATIONS, UnreadableDocumentError, WrongPassphraseError, decryptJson, deriveKeys, documentId, encryptJson, fromBase64Url,
  newHeader, openHeader, toBase64Url,
} from '@/lib/sync/crypto';

const client = { name: 'Dana Client', emails: ['dana.client@acme-corp.com'], history: [{ kind: 'sale', amount: 12_500, subject: 'Renewal, 3 seats' }] };

describe('sync encryption', () => {
  it('a header made with a passphrase opens with it, and its keys read what the first keys wrote', async () => {
    const { header, keys } = await newHeader('correct horse battery staple');
    expect(header.iterations).toBe(PBKDF2_ITERATIONS);
    expect(fromBase64Url(header.salt)).toHaveLength(16);
    const body = await encryptJson(keys, 'doc-1', client);
    // another device: only the header and the passphrase
    const again = await openHeader(JSON.parse(JSON.stringify(header)), 'correct horse battery staple');
    expect(await decryptJson(again, 'doc-1', body)).toEqual(client);
    expect(await documentId(again, 'client:dana.client@acme-corp.com')).toBe(await documentId(keys, 'client:dana.client@acme-corp.com'));
  });

  it('refuses a wrong passphrase, in words', async () => {
    const { header } = await newHeader('the right one');
    await expect(openHeader(header, 'the wrong one')).rejects.toThrow(WrongPassphraseError);
    await expect(openHeader(header, 'the wrong one')).rejects.toThrow(/does not open this sync database\. Nothing was read or changed/);
  });

  it('refuses a header with too few iterations or of another format, and never makes one', async () => {
    const { header } = await newHeader('p');
    await expect(openHeader({ ...header, iterations: 1000 }, 'p')).rejects.toThrow(/not made by Touchbase sync/);
    await expect(openHeader({ ...header, format: 2 } as never, 'p')).rejects.toThrow(/not made by Touchbase sync/);
    await expect(newHeader('p', 1000)).rejects.toThrow(/at least 600000 iterations/);
    await expect(deriveKeys('', new Uint8Array(16))).rejects.toThrow(/empty/);
  });

  it('keeps names, addresses, subjects and amounts out of what the server stores', async () => {
    const { header, keys } = await newHeader('p');
    const id = await documentId(keys, 'client:dana.client@acme-corp.com');
    const stored = JSON.stringify({ _id: id, header, body: await encryptJson(keys, id, client) });
    for (const secret of ['Dana', 'dana.client', 'acme', 'Renewal', '12500', '12_500', 'sale']) expect(stored).not.toContain(secret);
    // an id says nothing either, and differs per address
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await documentId(keys, 'client:lee.buyer@globex.io')).not.toBe(id);
  });

  it('never encrypts the same document twice alike (a fresh nonce each time)', async () => {
    const { keys } = await newHeader('p');
    const a = await encryptJson(keys, 'doc', client);
    const b = await encryptJson(keys, 'doc', client);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  it('finds a changed ciphertext, one moved under another id, and one of other keys: never a wrong client', async () => {
    const { keys } = await newHeader('p');
    const { keys: other } = await newHeader('p');
    const body = await encryptJson(keys, 'doc-1', client);
    const flipped = fromBase64Url(body.ct);
    flipped[3] ^= 1;
    await expect(decryptJson(keys, 'doc-1', { ...body, ct: toBase64Url(flipped) })).rejects.toThrow(UnreadableDocumentError);
    await expect(decryptJson(keys, 'doc-2', body)).rejects.toThrow(UnreadableDocumentError);
    await expect(decryptJson(other, 'doc-1', body)).rejects.toThrow(/could not be decrypted/);
    await expect(decryptJson(keys, 'doc-1', { iv: 'not base64!', ct: body.ct })).rejects.toThrow(UnreadableDocumentError);
    await expect(decryptJson(keys, 'doc-1', null as never)).rejects.toThrow(UnreadableDocumentError);
  });

  it('base64url round-trips every byte', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64Url(toBase64Url(all))).toEqual(all);
    expect(toBase64Url(all)).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
