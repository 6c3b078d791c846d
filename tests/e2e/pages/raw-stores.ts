/**
 * Object stores made with raw IndexedDB calls exactly as Dexie makes them from one of its
 * schema strings (`++id, *emails, [a+b], &key`), for code that must write a database
 * without Dexie: the benchmark's raw baselines, and the upgrade test's old database.
 */
export function createStore(d: IDBDatabase, name: string, spec: string): IDBObjectStore {
  const [primary, ...indexes] = spec.split(',').map((x) => x.trim());
  const store = d.createObjectStore(name, { keyPath: primary.replace(/^\+\+/, ''), autoIncrement: primary.startsWith('++') });
  for (const ix of indexes) {
    const bare = ix.replace(/^[*&]/, '');
    const keyPath = bare.startsWith('[') ? bare.slice(1, -1).split('+') : bare;
    store.createIndex(bare, keyPath, { multiEntry: ix.startsWith('*'), unique: ix.startsWith('&') });
  }
  return store;
}
