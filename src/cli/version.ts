// `newsbot --version`: the version in the package.json of this installation, found by walking up
// from this file (the same code runs from src/ under tsx and from a compiled dist/ tree).
import { readFileSync } from 'node:fs';
import { debugLog } from '../debug-log.ts';

export function packageVersion(from: string | URL = import.meta.url): string {
  for (let dir = new URL('.', from); ; dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'newsbot' && pkg.version) return pkg.version;
    } catch (err) {
      debugLog('no readable package.json in %s (%s): walking up', dir.pathname, err);
    }
    if (dir.pathname === '/') return 'unknown';
  }
}
