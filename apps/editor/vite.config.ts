import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { noNodeBuiltins } from './no-node-builtins';

/** The server serves dist/ at "/" and the API at "/api"; `vite dev` proxies the API to a local server. */
export default defineConfig({
  base: '/',
  plugins: [react(), noNodeBuiltins()],
  worker: { format: 'es', plugins: () => [noNodeBuiltins()] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco is one big lazy chunk by design; the warning would only repeat that.
    chunkSizeWarningLimit: 5000,
  },
  server: {
    proxy: { '/api': `http://localhost:${process.env.SWITCHYARD_PORT ?? '3000'}` },
  },
});
