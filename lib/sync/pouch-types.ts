/**
 * The PouchDB calls the sync uses, typed (types/pouchdb.d.ts says why not @types/pouchdb).
 * Only types: importing this file brings no PouchDB code.
 */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: PouchDoc;
}

export interface PouchEmitter {
  on(event: string, listener: (...args: any[]) => void): PouchEmitter;
  cancel(): void;
}

export interface PouchDatabase {
  name: string;
  info(): Promise<{ doc_count: number; update_seq: number | string; db_name: string }>;
  get(id: string, opts?: { rev?: string; conflicts?: boolean; revs?: boolean; open_revs?: 'all' | string[] }): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: PouchDoc[], opts?: { new_edits?: boolean }): Promise<({ ok?: boolean; id: string; rev?: string; error?: string; message?: string })[]>;
  allDocs(opts?: { include_docs?: boolean; conflicts?: boolean; keys?: string[]; startkey?: string; endkey?: string; limit?: number }): Promise<{
    total_rows: number;
    rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc; error?: string }[];
  }>;
  changes(opts: { since?: number | string | 'now'; live?: boolean; include_docs?: boolean; conflicts?: boolean; limit?: number; return_docs?: boolean }): PouchEmitter &
    Promise<{ results: PouchChange[]; last_seq: number | string }>;
  replicate: {
    to(target: PouchDatabase, opts?: Record<string, unknown>): PouchEmitter & Promise<{ ok: boolean; docs_written: number }>;
    from(source: PouchDatabase, opts?: Record<string, unknown>): PouchEmitter & Promise<{ ok: boolean; docs_written: number }>;
  };
  sync(target: PouchDatabase, opts?: Record<string, unknown>): PouchEmitter & Promise<unknown>;
  destroy(): Promise<unknown>;
  close(): Promise<void>;
}

export interface PouchConstructor {
  new (name: string, opts?: Record<string, unknown>): PouchDatabase;
  plugin(plugin: unknown): PouchConstructor;
  defaults(opts: Record<string, unknown>): PouchConstructor;
}
