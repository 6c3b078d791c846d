/**
 * The layers of docs/ARCHITECTURE.md, enforced: this test reads the imports of every source
 * file (with the TypeScript parser, so `import type` is told from a value import) and
 * fails naming the file and the import that breaks a rule. The rules:
 *
 *   1. layers only import downwards: domain < mail < db < messages < backup, csv <
 *      background, ui < components < entrypoints (a folder may import itself);
 *   2. lib/domain imports nothing outside lib/domain; its model imports nothing at all;
 *   3. lib/mail imports nothing outside lib/mail but the model (lib/domain/model.ts);
 *   4. components import no value from lib/db, lib/backup, lib/csv, lib/background or
 *      lib/messages: their data comes through lib/ui;
 *   5. a content script imports only lib/mail, the typed `send` and the protocol's types
 *      (a content script: every script the manifest declares, `entrypoints/<provider>-content.ts`,
 *      and any WXT `*.content.ts`);
 *   6. no file of lib/ sits at its root unless docs/ARCHITECTURE.md explains it;
 *   7. no two files import each other, however indirectly;
 *   8. zod is taken from lib/domain/zod.ts only, which sets it up jitless before any schema.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import { contentScripts } from '@/lib/mail/hosts';

const ROOT = join(__dirname, '..');
const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];

interface Import {
  from: string;
  /** the resolved project file, relative to the root, or null for a package */
  to: string | null;
  spec: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = normalize(join(dirname(from), spec));
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile()) return c;
  }
  return base; // a stylesheet or an asset: named, though not a module of ours
}

/** Every import and re-export of a file; `import type` and `{ type A }`-only imports are type-only. */
export function importsOf(file: string, text = readFileSync(join(ROOT, file), 'utf8')): Import[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean) => out.push({ from: file, to: resolve(file, spec), spec, typeOnly });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node.moduleSpecifier.text, node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) {
      add((node.arguments[0] as ts.StringLiteral).text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The layer of a file: its folder under lib/ (or components, entrypoints), and the rank of that folder. */
const LAYERS: [prefix: string, rank: number][] = [
  ['lib/domain/', 0],
  ['lib/mail/', 1],
  ['lib/db/', 2],
  ['lib/messages/', 3],
  ['lib/backup/', 4],
  ['lib/csv/', 4],
  ['lib/sync/', 4],
  ['lib/background/', 5],
  ['lib/ui/', 5],
  ['components/', 6],
  ['entrypoints/', 7],
];
const layerOf = (file: string) => LAYERS.find(([p]) => file.startsWith(p));

/** the source of a content script: the manifest's (`gmail-content.ts`, built by WXT as an
 * unlisted script) or a WXT-declared one (`*.content.ts`) */
const CONTENT_SCRIPT = /^entrypoints\/[^/]+[.-]content\.ts$/;

const under = (file: string | null, ...prefixes: string[]) => !!file && prefixes.some((p) => file === p || file.startsWith(p));
const show = (i: Import) => `${i.from} imports ${i.typeOnly ? 'type ' : ''}'${i.spec}'`;

/** The rules above, as a list of broken ones (empty when the house is in order). */
export function brokenRules(imports: Import[], libRootFiles: string[], architectureDoc: string): string[] {
  const broken: string[] = [];
  for (const i of imports) {
    if (i.to === null) continue; // a package
    const from = layerOf(i.from);
    const to = layerOf(i.to);
    if (from && to && from[0] !== to[0] && to[1] >= from[1]) {
      broken.push(`layers: ${show(i)}, from ${from[0]} (layer ${from[1]}) to ${to[0]} (layer ${to[1]}): import only downwards`);
    }
    if (i.from === 'lib/domain/model.ts') broken.push(`the model imports nothing: ${show(i)}`);
    if (under(i.from, 'lib/domain/') && !under(i.to, 'lib/domain/')) broken.push(`lib/domain imports only itself: ${show(i)}`);
    if (under(i.from, 'lib/mail/') && !under(i.to, 'lib/mail/', 'lib/domain/model.ts')) {
      broken.push(`lib/mail imports only itself and the model: ${show(i)}`);
    }
    if (under(i.from, 'components/') && !i.typeOnly && under(i.to, 'lib/db/', 'lib/backup/', 'lib/csv/', 'lib/sync/', 'lib/background/', 'lib/messages/')) {
      broken.push(`components take data through lib/ui, never from ${i.to!.split('/').slice(0, 2).join('/')}: ${show(i)}`);
    }
    if (CONTENT_SCRIPT.test(i.from)) {
      const allowed = under(i.to, 'lib/mail/') || i.to === 'lib/messages/send.ts' || (i.typeOnly && i.to === 'lib/messages/protocol.ts');
      if (!allowed) broken.push(`a content script imports only lib/mail, the typed send and the protocol's types: ${show(i)}`);
    }
  }
  for (const i of imports) {
    if (i.spec === 'zod' && i.from !== 'lib/domain/zod.ts') broken.push(`zod comes from lib/domain/zod.ts (jitless): ${show(i)}`);
  }
  for (const f of libRootFiles) {
    if (!architectureDoc.includes(f)) broken.push(`${f} sits loose at the root of lib/ and docs/ARCHITECTURE.md does not explain it`);
  }
  // cycles between files, types included: a depth-first search over the project's imports
  const edges = new Map<string, string[]>();
  for (const i of imports) if (i.to && i.to !== i.from) edges.set(i.from, [...(edges.get(i.from) ?? []), i.to]);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const walk = (f: string) => {
    state.set(f, 'open');
    path.push(f);
    for (const t of edges.get(f) ?? []) {
      if (state.get(t) === 'open') broken.push(`a cycle of imports: ${[...path.slice(path.indexOf(t)), t].join(' -> ')}`);
      else if (!state.has(t)) walk(t);
    }
    path.pop();
    state.set(f, 'done');
  };
  for (const f of [...edges.keys()].sort()) if (!state.has(f)) walk(f);
  return broken;
}

const files = SOURCE_DIRS.flatMap(sourceFiles);
const allImports = files.flatMap((f) => importsOf(f));
const libRoot = readdirSync(join(ROOT, 'lib')).filter((n) => statSync(join(ROOT, 'lib', n)).isFile()).map((n) => `lib/${n}`);
const doc = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');

describe('the architecture', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(80);
    expect(allImports.filter((i) => i.to !== null).length).toBeGreaterThan(200);
  });

  it('keeps every rule of docs/ARCHITECTURE.md', () => {
    expect(brokenRules(allImports, libRoot, doc)).toEqual([]);
  });

  // the rules themselves, on imports made up for the purpose, so a rule that cannot fail is seen
  const fake = (from: string, source: string) => importsOf(from, source);
  it.each([
    ['lib/domain/cadence.ts', "import { db } from '../db/schema';", /lib\/domain imports only itself/],
    ['lib/domain/model.ts', "import { x } from './cadence';", /the model imports nothing/],
    ['lib/mail/gmail.ts', "import { isOverdue } from '../domain/overdue';", /lib\/mail imports only itself and the model/],
    ['lib/mail/gmail.ts', "import type { Message } from '../messages/protocol';", /lib\/mail imports only itself and the model/],
    ['components/panel/History.tsx', "import { db } from '@/lib/db/schema';", /components take data through lib\/ui, never from lib\/db/],
    ['components/panel/History.tsx', "import { type Touchpoint, listHistory } from '@/lib/db/touchpoints';", /never from lib\/db/],
    ['entrypoints/gmail-content.ts', "import { parseMessage } from '@/lib/messages/protocol';", /a content script imports only/],
    ['entrypoints/outlook-content.ts', "import { db } from '@/lib/db/schema';", /a content script imports only/],
    ['entrypoints/gmail.content.ts', "import { useSettings } from '@/lib/ui/settings';", /a content script imports only/],
    ['lib/db/clients.ts', "import { useSettings } from '../ui/settings';", /layers: .* import only downwards/],
    ['lib/backup/schema.ts', "import { z } from 'zod';", /zod comes from lib\/domain\/zod.ts/],
  ])('fails on %s importing %s', (from, source, message) => {
    const broken = brokenRules(fake(from, source), [], '');
    expect(broken.join('\n')).toMatch(message);
    expect(broken.join('\n')).toContain(from);
  });

  it('writes histories and their digests in lib/db/history.ts only, so a digest is never behind its history', () => {
    // through Dexie, or on IndexedDB's own transaction (logging: lib/db/native-write.ts)
    const write = /\b(?:db\.)?(?:histories|historyParts|digests)\.(?:put|bulkPut|add|bulkAdd|delete|bulkDelete|clear|update|modify)\(|objectStore\(\s*['"](?:histories|historyParts|digests)['"]\s*\)\.(?:put|add|delete|clear)\(/;
    // the schema's upgrades build the stores they add, before any code runs
    const writers = files.filter((f) => f !== 'lib/db/history.ts' && f !== 'lib/db/schema.ts' && write.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(writers).toEqual([]);
  });

  it('allows what the rules allow', () => {
    expect(brokenRules(fake('components/panel/History.tsx', "import type { Touchpoint } from '@/lib/db/touchpoints';"), [], '')).toEqual([]);
    expect(brokenRules(fake('lib/mail/gmail.ts', "import { normalizeEmail } from '../domain/model';"), [], '')).toEqual([]);
    expect(brokenRules(fake('entrypoints/gmail-content.ts', "import type { Message } from '@/lib/messages/protocol';\nimport { send } from '@/lib/messages/send';"), [], '')).toEqual([]);
  });

  it('holds every content script the manifest declares to the content-script rule', () => {
    const sources = contentScripts().flatMap((c) => c.js.map((js) => `entrypoints/${js.replace(/\.js$/, '.ts')}`));
    expect(sources).toEqual(['entrypoints/gmail-content.ts', 'entrypoints/outlook-content.ts']);
    for (const f of sources) {
      expect(files, `${f} is not a source file`).toContain(f);
      expect(f).toMatch(CONTENT_SCRIPT);
    }
    // and the only content scripts are those
    expect(files.filter((f) => CONTENT_SCRIPT.test(f))).toEqual(sources);
  });

  it('finds a cycle, and a loose file the document does not explain', () => {
    const cycle = [...fake('lib/db/a.ts', "import './b.ts';"), ...fake('lib/db/b.ts', "import './a.ts';")];
    expect(brokenRules(cycle, [], '').join('\n')).toMatch(/a cycle of imports: lib\/db\/a.ts -> lib\/db\/b.ts -> lib\/db\/a.ts/);
    expect(brokenRules([], ['lib/queries.ts'], 'lib/store.ts')).toEqual([
      'lib/queries.ts sits loose at the root of lib/ and docs/ARCHITECTURE.md does not explain it',
    ]);
  });
});
