/**
 * A server that speaks CouchDB's HTTP and replication protocol, on loopback, for the sync
 * tests and the benchmark: PouchDB Server's own express app (express-pouchdb) over
 * in-memory databases, run inside the test's process. Being in the process is what lets a
 * test stop the server and start it again with its databases as they were (a CouchDB going
 * down and coming back), and read every document it holds.
 *
 * It asks for the user name and password it was given (HTTP Basic, as CouchDB does), so a
 * client that forgets them is refused as it would be by a real server.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

PouchDB.plugin(memory).plugin(httpAdapter).plugin(mapreduce).plugin(replication);

/** PouchDB for Node with the memory and HTTP adapters and replication: a device's mirror or a client of the server. */
export const NodePouch = PouchDB;

export interface CouchServer {
  /** http://127.0.0.1:<port> */
  url: string;
  user: string;
  password: string;
  /** stops answering (connections refused); the databases stay as they are */
  stop(): Promise<void>;
  /** answers again on the same port */
  start(): Promise<void>;
  /** every document of `db` as stored, design and local documents left out */
  documents(db: string): Promise<Record<string, unknown>[]>;
  /** creates the database `db` (empty), as an admin does before a user connects */
  createDatabase(db: string): Promise<void>;
  /** deletes the database `db` */
  deleteDatabase(db: string): Promise<void>;
  close(): Promise<void>;
}

export async function startCouchServer(opts: { user?: string; password?: string; port?: number } = {}): Promise<CouchServer> {
  const user = opts.user ?? 'touchbase';
  const password = opts.password ?? 'test-password';
  const MemPouch = PouchDB.defaults({ adapter: 'memory' });
  const app = express();
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  app.use((req, res, next) => {
    // CORS for an extension page without host access (a real CouchDB is configured for it, README)
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
    }
    if (req.method === 'OPTIONS') return void res.status(204).end();
    if (req.headers.authorization !== expected) return void res.status(401).json({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
    next();
  });
  app.use('/', expressPouchDB(MemPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' } as never));
  let server: http.Server | undefined;
  let port = opts.port ?? 0;
  const sockets = new Set<import('node:net').Socket>();
  const start = () =>
    new Promise<void>((ok, fail) => {
      const s = http.createServer(app);
      s.on('connection', (c) => {
        sockets.add(c);
        c.on('close', () => sockets.delete(c));
      });
      s.once('error', fail);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        ok();
      });
    });
  const stop = () =>
    new Promise<void>((ok) => {
      if (!server) return ok();
      const s = server;
      server = undefined;
      s.close(() => ok());
      for (const c of sockets) c.destroy();
    });
  await start();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    user,
    password,
    stop,
    start,
    async documents(name) {
      const all = await new MemPouch(name).allDocs({ include_docs: true, conflicts: true });
      return all.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => r.doc as Record<string, unknown>);
    },
    async createDatabase(name) {
      const r = await fetch(`http://127.0.0.1:${port}/${name}`, { method: 'PUT', headers: { authorization: expected } });
      if (!r.ok && r.status !== 412) throw new Error(`creating ${name}: ${r.status}`);
    },
    async deleteDatabase(name) {
      await fetch(`http://127.0.0.1:${port}/${name}`, { method: 'DELETE', headers: { authorization: expected } });
    },
    close: stop,
  };
}
