// `npm start`: install what is missing, build what changed, serve the lab on localhost.
import { buildAll, distDir } from './build.mjs';
import { startServer } from './serve.mjs';

// Only what the served lab needs (the page's wasm modules and the site): the C++ test suites and
// the native build are `npm test`'s.
await buildAll({ site: true, labOnly: true });
const port = Number(process.env.PORT ?? 8080);
const server = await startServer({ root: distDir, port });
console.log(`\nBasecamp is running at http://localhost:${server.address().port}/  (Ctrl+C to stop)`);
