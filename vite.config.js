// Vite builds the static site: web/ → dist/. The wasm module (web/generated/) is emitted as an
// asset through emscripten's `new URL('…wasm', import.meta.url)`. Nothing comes from a CDN.
import { defineConfig } from 'vite';
import { distDir, wasmDir } from './scripts/paths.mjs';

export default defineConfig({
  root: 'web',
  base: './',
  // The page imports the wasm core's ES module build straight from the build folder.
  resolve: { alias: { '@wasm': wasmDir } },
  build: {
    outDir: distDir,
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0, // keep the .wasm a file of its own (CSP: no data: scripts)
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
});
