import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Fastify server serves `dist/` in production and answers /api and /fhir; in development Vite
// forwards those paths to it (SSE included) so the browser sees one origin and the session cookie works.
const backend = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/fhir': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The shared entry (React, Mantine, router, zod) is ~185 kB gzipped; staff screens and the
    // patient questionnaire are split into their own chunks and load on demand.
    chunkSizeWarningLimit: 700,
  },
});
