// Files that ship with the package (the sample feed, the bin), found from the package root.
// Compiled code runs from dist/src/, the TypeScript from src/: both resolve the same root.
import { fileURLToPath } from 'node:url';

const root = new URL(/\/dist\/src\/[^/]+$/.test(import.meta.url) ? '../../' : '../', import.meta.url);

/** Absolute path of a file relative to the package root, e.g. packagePath('examples/feed.xml'). */
export const packagePath = (relative: string): string => fileURLToPath(new URL(relative, root));
