/**
 * A CouchDB-protocol server on this computer, to try sync without installing CouchDB:
 * PouchDB Server's app over in-memory databases (tests/support/couch-server.ts, the one the
 * tests use), on http://127.0.0.1:5984 with the database `touchbase`, user `touchbase` and
 * password `touchbase`. Everything is gone when it stops (Ctrl+C).
 */
import { startCouchServer } from '../tests/support/couch-server';

const port = Number(process.env.PORT ?? 5984);
const server = await startCouchServer({ port, user: 'touchbase', password: 'touchbase' });
await server.createDatabase('touchbase');
console.log(`CouchDB protocol on ${server.url}: database "touchbase", user "touchbase", password "touchbase". Ctrl+C stops it (and forgets everything).`);
