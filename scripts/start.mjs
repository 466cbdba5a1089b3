// `npm start`: install what is missing, build what changed, serve the lab on localhost.
import { buildAll, distDir } from './build.mjs';
import { startServer } from './serve.mjs';

await buildAll({ site: true });
const port = Number(process.env.PORT ?? 8080);
const server = await startServer({ root: distDir, port });
console.log(`\nBasecamp is running at http://localhost:${server.address().port}/  (Ctrl+C to stop)`);
