/**
 * Where sync goes: a CouchDB (or a server speaking its protocol), a database on it, and the
 * account to use. Checked before anything is asked of the browser or sent.
 */
export interface SyncConfig {
  /** http(s)://host[:port][/path], no credentials in it */
  url: string;
  database: string;
  user: string;
  password: string;
}

/** CouchDB's rule for a database name. */
const DATABASE = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

export function checkSyncConfig(input: SyncConfig): SyncConfig {
  if (!input || typeof input !== 'object') throw new Error('No server given.');
  let url: URL;
  try {
    url = new URL(String(input.url ?? '').trim());
  } catch {
    throw new Error('The server URL is not a web address (for example https://couch.example.com).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('The server URL must start with https:// (or http:// on this computer).');
  if (url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
    throw new Error('Use https:// for a server on another computer: the password would cross the network readable.');
  if (url.username || url.password) throw new Error('Put the user name and password in their own fields, not in the URL.');
  if (url.search || url.hash) throw new Error('The server URL takes no ?query or #fragment.');
  const database = String(input.database ?? '').trim();
  if (!DATABASE.test(database)) throw new Error('The database name starts with a lower-case letter and has only a-z, 0-9 and _$()+-/ (CouchDB’s rule).');
  const user = String(input.user ?? '').trim();
  if (!user || user.length > 200) throw new Error('Give the user name the server knows you by.');
  const password = String(input.password ?? '');
  if (!password || password.length > 1000) throw new Error('Give the password of that user.');
  return { url: url.href.replace(/\/+$/, ''), database, user, password };
}

/** The origin pattern the optional host permission is asked for. */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
