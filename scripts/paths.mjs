// Where builds go. BASECAMP_BUILD=<dir> moves every output (native, wasm, dist) under <dir>, so
// that several checkouts' worth of work can build side by side; by default: build/ and dist/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const custom = process.env.BASECAMP_BUILD;
export const buildRoot = path.resolve(root, custom || 'build');
export const nativeDir = path.join(buildRoot, 'native');
export const wasmDir = path.join(buildRoot, 'wasm');
export const distDir = custom ? path.join(buildRoot, 'dist') : path.join(root, 'dist');
