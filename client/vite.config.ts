// Vite's root is client/; the built app lands in dist/client, which the game server serves in production.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { serviceWorker } from './service-worker.ts';

const server = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative to the root: svelte.config.js stays at the repo root, where svelte-check finds it.
  plugins: [svelte({ configFile: '../svelte.config.js' }), serviceWorker()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/socket.io': { target: server, ws: true },
      '/api': server,
      '/healthz': server,
      '/readyz': server,
    },
  },
});
