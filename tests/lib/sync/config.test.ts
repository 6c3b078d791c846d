import { describe, expect, it } from 'vitest';
import { checkSyncConfig, originPattern } from '@/lib/sync/config';

const ok = { url: 'https://couch.example.com/', database: 'touchbase', user: 'alex', password: 'secret' };

describe('the sync server fields', () => {
  it('takes an https server anywhere and an http one on this computer, without the trailing slash', () => {
    expect(checkSyncConfig(ok)).toEqual({ ...ok, url: 'https://couch.example.com' });
    expect(checkSyncConfig({ ...ok, url: ' http://127.0.0.1:5984 ' }).url).toBe('http://127.0.0.1:5984');
    expect(checkSyncConfig({ ...ok, url: 'http://localhost:5984/couch/' }).url).toBe('http://localhost:5984/couch');
  });

  it.each([
    [{ url: 'couch.example.com' }, /not a web address/],
    [{ url: 'ftp://couch.example.com' }, /must start with https/],
    [{ url: 'http://couch.example.com' }, /Use https:\/\/ for a server on another computer/],
    [{ url: 'https://alex:pw@couch.example.com' }, /not in the URL/],
    [{ url: 'https://couch.example.com/?db=x' }, /no \?query/],
    [{ database: 'Touchbase' }, /database name/],
    [{ database: '_users' }, /database name/],
    [{ database: '<b>x</b>' }, /database name/],
    [{ user: '  ' }, /user name/],
    [{ password: '' }, /password/],
  ])('refuses %o in words', (patch, words) => {
    expect(() => checkSyncConfig({ ...ok, ...patch })).toThrow(words);
  });

  it('asks for the origin of the server only, any port', () => {
    expect(originPattern('https://couch.example.com/db')).toBe('https://couch.example.com/*');
    expect(originPattern('http://127.0.0.1:5984')).toBe('http://127.0.0.1/*');
  });
});
