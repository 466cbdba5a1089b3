// Makes the built site work offline: writes into dist/sw.js (the service worker, copied from
// web/public/) the list of every file of the site and a version, the hash of their contents, and
// the lab's headers (CSP, COOP/COEP: the same as scripts/serve.mjs sends) that the worker adds to
// responses of hosts that do not send them. Run by the build after everything else is in dist/.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { securityHeaders } from './serve.mjs';

const WORKER = 'sw.js';

// Every file under dir, as '/'-separated paths relative to it, sorted.
function filesUnder(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

// Returns {version, files}: what the service worker will store.
export function writeOfflineWorker(distDir) {
  const files = filesUnder(distDir).filter((f) => f !== WORKER);
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(path.join(distDir, f)));
  const version = hash.digest('hex').slice(0, 16);
  const file = path.join(distDir, WORKER);
  const source = readFileSync(file, 'utf8');
  const built = source
    .replace(/^const VERSION = '[^']*';$/m, `const VERSION = '${version}';`)
    .replace(/^const FILES = \[\];$/m, `const FILES = ${JSON.stringify(['./', ...files])};`)
    .replace(/^const HEADERS = \{\};$/m, `const HEADERS = ${JSON.stringify(securityHeaders)};`);
  if (!built.includes(version) || built.includes('const FILES = [];') || built.includes('const HEADERS = {};')) {
    throw new Error(`offline: ${file} does not have the VERSION / FILES / HEADERS lines to fill`);
  }
  writeFileSync(file, built);
  return { version, files };
}
