// scripts/serve.mjs under hostile requests: the server runs as its own process (as `npm start`
// runs it), gets raw bytes on a socket (no client library to tidy the URL first), must answer
// every request with a status line, never serve a file outside its root, never list a folder,
// and still be running and serving the site after all of them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECRET = 'the secret next door';
let scratch;
let server;
let port;

before(async () => {
  // site/ is served; site-secret/ is its sibling, whose name starts with the site's.
  scratch = mkdtempSync(path.join(os.tmpdir(), 'basecamp-serve-'));
  const site = path.join(scratch, 'site');
  mkdirSync(path.join(site, 'folder'), { recursive: true });
  mkdirSync(path.join(site, 'lesson'), { recursive: true });
  mkdirSync(path.join(scratch, 'site-secret'));
  writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>home</title>');
  writeFileSync(path.join(site, 'folder', 'a.txt'), 'a');
  writeFileSync(path.join(site, 'lesson', 'index.html'), 'lesson page');
  writeFileSync(path.join(site, '%2e%2e'), 'a file really named %2e%2e');
  writeFileSync(path.join(scratch, 'site-secret', 'key.txt'), SECRET);
  writeFileSync(path.join(scratch, 'outside.txt'), SECRET);
  symlinkSync(path.join(scratch, 'site-secret', 'key.txt'), path.join(site, 'link-out.txt'));
  symlinkSync(path.join(scratch, 'site-secret'), path.join(site, 'dir-link'));

  server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), site],
    { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  port = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/localhost:(\d+)\//);
      if (m) resolve(Number(m[1]));
    });
    server.once('exit', (code) => reject(new Error(`serve.mjs exited (${code}) before listening`)));
  });
});

after(() => {
  server?.kill();
  rmSync(scratch, { recursive: true, force: true });
});

// Sends raw bytes, returns {status, headers, body} of the answer (the server closes after it).
function raw(bytes) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(String(bytes).slice(0, 80))}`)));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (e) => (chunks.length ? finish() : reject(e)));
    socket.on('end', finish);
    socket.write(bytes);
    function finish() {
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const m = statusLine.match(/^HTTP\/1\.1 (\d{3})/);
      if (!m) return reject(new Error(`not an HTTP answer: ${JSON.stringify(text.slice(0, 80))}`));
      const headers = Object.fromEntries(headerLines.map((l) => {
        const i = l.indexOf(':');
        return [l.slice(0, i).toLowerCase(), l.slice(i + 1).trim()];
      }));
      resolve({ status: Number(m[1]), headers, body: rest.join('\r\n\r\n') });
    }
  });
}
const get = (target, method = 'GET') => raw(`${method} ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);

async function assertStillServing() {
  assert.equal(server.exitCode, null, 'the server process has exited');
  const home = await get('/');
  assert.equal(home.status, 200);
  assert.match(home.body, /<title>home<\/title>/);
}

test('serves the site with the lab headers; a folder gives its index.html, never a listing', async () => {
  const home = await get('/');
  assert.equal(home.status, 200);
  assert.equal(home.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(home.headers['cross-origin-opener-policy'], 'same-origin');
  assert.equal(home.headers['cross-origin-embedder-policy'], 'require-corp');
  assert.match(home.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal((await get('/folder/a.txt')).body, 'a');
  assert.equal((await get('/lesson/')).body, 'lesson page');
  assert.equal((await get('/lesson')).body, 'lesson page');
  assert.equal((await get('/index.html?x=1#y')).status, 200);
  const folder = await get('/folder/');
  assert.equal(folder.status, 404);
  assert.doesNotMatch(folder.body, /a\.txt/);
  const head = await get('/', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
});

test('malformed URLs get 400 and the server stays up', async () => {
  for (const target of ['/%E0%A4%A', '/%', '/%zz', '/%C0%AF', '/%ED%A0%80', '/a%00b', '/%00',
    '*', 'http://127.0.0.1/index.html', 'index.html']) {
    const { status } = await get(target);
    assert.equal(status, 400, target);
  }
  await assertStillServing();
});

test('no path outside the root is served: traversal plain, encoded, double-encoded, by link', async () => {
  const targets = [
    '/..%2fsite-secret%2fkey.txt', '/../site-secret/key.txt', '/%2e%2e/site-secret/key.txt',
    '/%2e%2e%2fsite-secret%2fkey.txt', '/folder/../../site-secret/key.txt', '/..%2f..%2foutside.txt',
    '/..%5csite-secret%5ckey.txt', '/%2E%2E%2F%2E%2E%2Foutside.txt', '/..', '/../',
    `/${'..%2f'.repeat(40)}etc/passwd`, '/%252e%252e%252fsite-secret%252fkey.txt',
    '/%252e%252e/site-secret/key.txt', '/link-out.txt', '/dir-link/key.txt', '/dir-link/',
    `/%2e%2e${path.join(scratch, 'site-secret', 'key.txt').replaceAll('/', '%2f')}`,
    `/${path.join(scratch, 'outside.txt')}`, '//etc/passwd',
  ];
  for (const target of targets) {
    const { status, body } = await get(target);
    assert.ok(status === 404 || status === 400, `${target}: ${status}`);
    assert.ok(!body.includes(SECRET), target);
  }
  // Decoded once only: "%252e%252e" names the file "%2e%2e" inside the root.
  assert.equal((await get('/%252e%252e')).body, 'a file really named %2e%2e');
  await assertStillServing();
});

test('very long requests and odd methods each get an answer, and the server stays up', async () => {
  assert.equal((await get(`/${'a'.repeat(8000)}`)).status, 404);
  const long = await get(`/${'%2e%2e%2f'.repeat(20_000)}`);  // past node's 16 KB header limit
  assert.ok([400, 414, 431].includes(long.status), String(long.status));
  const manyHeaders = await raw(`GET / HTTP/1.1\r\nHost: x\r\n${'X-A: b\r\n'.repeat(5000)}Connection: close\r\n\r\n`);
  assert.ok([400, 431].includes(manyHeaders.status), String(manyHeaders.status));
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'CONNECT']) {
    const target = method === 'CONNECT' ? '127.0.0.1:1' : '/index.html';
    const { status, headers } = await get(target, method);
    assert.equal(status, 405, method);
    assert.equal(headers.allow, 'GET, HEAD');
  }
  for (const garbage of ['BREW /pot HTTP/1.1\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', '\x00\x01\x02\r\n\r\n',
    'GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n']) {
    const { status } = await raw(garbage);
    assert.ok(status >= 400 && status < 600, `${JSON.stringify(garbage)}: ${status}`);
  }
  await assertStillServing();
});

test('many hostile requests at once do not stop it', async () => {
  const targets = ['/%E0%A4%A', '/..%2fsite-secret%2fkey.txt', '/', '/%', '/folder/'];
  const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => get(targets[i % targets.length])));
  assert.ok(answers.every((a) => a.status >= 200 && a.status < 500));
  await assertStillServing();
});
