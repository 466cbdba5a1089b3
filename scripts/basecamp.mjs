// `npm run --silent basecamp -- ARGS`: build the native runner if needed (quietly), then run it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { nativeDir, root } from './build.mjs';

const quiet = { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] };
if (!existsSync(path.join(nativeDir, 'CMakeCache.txt'))) {
  spawnSync('cmake', ['-S', '.', '-B', nativeDir, '-DCMAKE_BUILD_TYPE=Release'], quiet);
}
const build = spawnSync('cmake', ['--build', nativeDir, '--target', 'basecamp', '-j', '2'], quiet);
if (build.status !== 0) process.exit(build.status ?? 1);
const result = spawnSync(path.join(nativeDir, 'basecamp'), process.argv.slice(2), { stdio: 'inherit' });
process.exit(result.status ?? 1);
