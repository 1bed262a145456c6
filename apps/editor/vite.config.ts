import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The server serves dist/ at "/" and the API at "/api"; `vite dev` proxies the API to a local server. */
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco is one big lazy chunk by design; the warning would only repeat that.
    chunkSizeWarningLimit: 5000,
  },
  server: {
    proxy: { '/api': `http://localhost:${process.env.SWITCHYARD_PORT ?? '3000'}` },
  },
  worker: { format: 'es' },
});
