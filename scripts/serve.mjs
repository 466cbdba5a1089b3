// A small static server for the built site (dist/): the right MIME types, the strict
// Content-Security-Policy the lab runs under, and COOP/COEP so the page is cross-origin
// isolated (SharedArrayBuffer for the threaded build). Used by `npm start` and the browser tests.
// A bad request never stops it: a URL that does not decode gets 400, a path that leaves the root
// (by "..", encoded or not, or by a symbolic link) 404, a method other than GET/HEAD 405; folders
// are never listed (a folder answers with its index.html or 404).
import http from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const mimeTypes = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.ttf': 'font/ttf', '.gz': 'application/gzip', '.bin': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

export const securityHeaders = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
    "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

// Is `file` the folder `dir` or inside it? Compared as paths, never as string prefixes
// ("dist-secret" starts with "dist" but is not inside it).
export function isInside(dir, file) {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

// The file a request path names under `root`, or {status} when there is none to serve.
// `root` must be a real path (no symbolic link in it).
export async function resolveRequestPath(root, rawUrl) {
  // Only origin-form targets ("/…"): not "*", not "http://host/…".
  if (typeof rawUrl !== 'string' || !rawUrl.startsWith('/')) return { status: 400 };
  const rawPath = rawUrl.split(/[?#]/, 1)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);  // once: "%252e" stays the file name "%2e"
  } catch {
    return { status: 400 };  // "%E0%A4%A" and the like
  }
  if (decoded.includes('\0')) return { status: 400 };
  let file = path.resolve(root, `.${path.posix.sep}${decoded}`);
  if (!isInside(root, file)) return { status: 404 };
  let info;
  try {
    file = await realpath(file);  // a symbolic link may point out of the root
    if (!isInside(root, file)) return { status: 404 };
    info = await stat(file);
    if (info.isDirectory()) {
      file = await realpath(path.join(file, 'index.html'));
      if (!isInside(root, file)) return { status: 404 };
      info = await stat(file);
    }
  } catch {
    return { status: 404 };  // missing, not a folder ("file.js/x"), unreadable
  }
  if (!info.isFile()) return { status: 404 };
  return { status: 200, file, size: info.size };
}

// unsafeEval: only for `npm run bench`'s TensorFlow.js page (tf.min.js evaluates strings, its
// wasm backend starts workers from blob: scripts); the lab itself never gets it.
// plain: no CSP, COOP or COEP, as common static hosts serve (the service worker's test).
export async function startServer({ root, port = 8080, host = '127.0.0.1', unsafeEval = false, plain = false }) {
  const realRoot = await realpath(path.resolve(root));
  const headers = plain ? {} : !unsafeEval ? securityHeaders : { ...securityHeaders,
    'Content-Security-Policy': securityHeaders['Content-Security-Policy'].replace("'wasm-unsafe-eval'", "'wasm-unsafe-eval' 'unsafe-eval' blob:") };
  const answer = (response, status, extra = {}) => {
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers, ...extra });
    response.end(`${status} ${http.STATUS_CODES[status]}\n`);
  };
  const handle = async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      answer(response, 405, { Allow: 'GET, HEAD' });
      return;
    }
    const found = await resolveRequestPath(realRoot, request.url);
    if (found.status !== 200) {
      answer(response, found.status);
      return;
    }
    const type = mimeTypes[path.extname(found.file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': found.size, 'Cache-Control': 'no-cache', ...headers });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(found.file);
    stream.on('error', () => response.destroy());  // e.g. the file went away mid-answer
    stream.pipe(response);
  };
  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) answer(response, 500);
      else response.destroy();
    });
  });
  // CONNECT and Upgrade requests skip the handler above; without these the socket would just close.
  server.on('connect', (request, socket) => {
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.on('upgrade', (request, socket) => {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? 'dist');
  const port = Number(process.env.PORT ?? 8080);
  const server = await startServer({ root, port });
  console.log(`Basecamp is running at http://localhost:${server.address().port}/`);
}
