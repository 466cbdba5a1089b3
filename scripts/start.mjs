// `npm start`: install what is missing, build what changed, serve the lab on localhost.
// Only what the served lab needs (the page's wasm modules and the site): the C++ test suites and
// the native build are `npm test`'s. The single-thread modules come first and the lab is served
// as soon as they are built; the threaded ones (2 threads, for a cross-origin isolated page) are
// built after that, in the background, and installed into the served site when ready (until
// then the page runs on one thread: web/shared/core.js falls back). On a fresh clone that halves
// the wait for the first page.
import { spawn } from 'node:child_process';
import { LAB_THREADED_TARGETS, buildAll, distDir, emscriptenEnv, installThreaded, root, wasmDir } from './build.mjs';
import { startServer } from './serve.mjs';

await buildAll({ site: true, labOnly: true, threaded: false });
const port = Number(process.env.PORT ?? 8080);
const server = await startServer({ root: distDir, port });
console.log(`\nBasecamp is running at http://localhost:${server.address().port}/  (Ctrl+C to stop)`);

// Asynchronous, so the server keeps answering while it compiles; niced, so the page does too.
const jobs = String(Number(process.env.BASECAMP_JOBS) || 2);
const started = Date.now();
const build = spawn('nice', ['-n', '10', 'cmake', '--build', wasmDir, '-j', jobs,
  ...LAB_THREADED_TARGETS.flatMap((t) => ['--target', t])], { cwd: root, env: emscriptenEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
build.stdout.on('data', (d) => { output += d; });
build.stderr.on('data', (d) => { output += d; });
build.on('close', (code) => {
  if (code !== 0) {
    console.error(`basecamp: the threaded core did not build (the lab stays on one thread):\n${output.slice(-4000)}`);
    return;
  }
  installThreaded();
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`basecamp: threaded core ready (${seconds} s); a reload of the page runs on 2 threads`);
});
process.on('SIGINT', () => { build.kill(); process.exit(130); });
