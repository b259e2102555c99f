import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The county dashboard. Built into dist/web at the repository root, which the platform's DashboardModule
 * serves at `/`. Everything is bundled (React, ECharts): the page fetches nothing from the internet.
 */
export default defineConfig({
  root: here,
  base: '/',
  // Vite 8 transforms TSX with oxc; the automatic runtime needs no `import React` in every file.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // ECharts core with two chart types is still ~350 kB; warn above that, not at 500 kB by default.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `vite --config apps/platform/web/vite.config.mts` during development: the API from `npm start`.
    proxy: { '/v1': 'http://localhost:3000' },
  },
});
