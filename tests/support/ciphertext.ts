/**
 * Looking for plaintext in what a sync server holds. Searching the documents' JSON for a
 * word is not enough: ciphertext in base64url is random letters, and a short word turns up
 * in it by chance ("Lee" about once in 260,000 positions, so in one run in seven of a
 * browser test). So the encoded fields are decoded and searched as bytes (a word of four
 * bytes or more appears in random bytes once in four billion positions), and what is not
 * encoded is searched as text.
 */
const ENCODED = new Set(['ct', 'iv']);

function bytesOf(base64url: string): Buffer {
  return Buffer.from(base64url.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** The words of `secrets` (each 4 bytes or more) found in `docs`, with where. */
export function plaintextIn(docs: Record<string, unknown>[], secrets: string[]): string[] {
  for (const s of secrets) if (Buffer.byteLength(s) < 4) throw new Error(`"${s}" is too short to search ciphertext for`);
  const found: string[] = [];
  for (const d of docs) {
    for (const [field, value] of Object.entries(d)) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      // an id is the HMAC in base64url after a one-letter kind: decoded too
      const encoded = ENCODED.has(field) || (field === '_id' && /^[cst][A-Za-z0-9_-]{43}$/.test(text));
      const haystack = encoded ? bytesOf(field === '_id' ? text.slice(1) : text) : Buffer.from(text);
      for (const s of secrets) if (haystack.includes(Buffer.from(s))) found.push(`${s} in ${field} of ${String(d._id).slice(0, 12)}`);
    }
  }
  return found;
}
