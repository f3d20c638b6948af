import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The agent web app: built into dist/web, which the API server serves (`npm start`). */
export default defineConfig({
  root: fileURLToPath(new URL('src/web', import.meta.url)),
  publicDir: 'static',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev:web` next to `npm start`: the API stays on its own port.
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
});
