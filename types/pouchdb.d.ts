/**
 * The part of PouchDB Touchbase uses, typed here: the published @types/pouchdb-* packages
 * pull an @types/node that breaks this project's Node typings, and the surface we call is
 * small. `PouchDatabase` is the interface lib/sync/replication.ts programs against.
 */
declare module 'pouchdb-browser' {
  const PouchDB: import('../lib/sync/pouch-types').PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-core' {
  const PouchDB: import('../lib/sync/pouch-types').PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  const expressPouchDB: (pouch: unknown, opts?: Record<string, unknown>) => import('express').RequestHandler;
  export default expressPouchDB;
}
