// No import cycles between folders: the folders of src/, commands/ and jobs/ form a layered graph
// (a module may import its own folder freely, but two folders never import each other, directly
// or round a loop), so each can be read, tested and replaced from the bottom up.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports of a file, static and dynamic, types included (a type import is a dependency too). */
function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const found = [...src.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"](\.[^'"]+)['"]/g), ...src.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)];
  return found.map((m) => resolve(dirname(file), m[1]!));
}

/**
 * The unit a file belongs to: its folder under src/ with the folders inside it (src/nlp holds
 * src/nlp/quotes), each adapter folder, commands/, jobs/; a file directly in src/ (an entry point,
 * config, the logger) is a unit of its own.
 */
function folderOf(file: string): string {
  const parts = relative(root, file).split('/');
  if (parts[0] !== 'src') return parts[0]!;
  if (parts.length === 2) return parts.join('/');
  return parts.slice(0, parts[1] === 'adapters' ? 3 : 2).join('/');
}

/** The folder graph: folder -> folders its modules import. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const f of ['src', 'commands', 'jobs'].flatMap((d) => files(join(root, d)))) {
    const from = folderOf(f);
    const edges = graph.get(from) ?? new Set<string>();
    for (const target of imports(f)) {
      const to = folderOf(target);
      if (to !== from && /^(src|commands|jobs)\b/.test(to)) edges.add(to);
    }
    graph.set(from, edges);
  }
  return graph;
}

/** Every cycle, each as the list of folders round it (found by depth-first search). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe('folder dependencies', () => {
  it('finds a cycle when two folders import each other', () => {
    const g = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('has no import cycles between folders', () => {
    expect(cycles(folderGraph()).map((c) => c.join(' -> '))).toEqual([]);
  });
});
