import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server the dev proxy forwards to (`npm run dev` starts it on :3000). */
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // `source` first: @aeolus/contracts resolves to its TypeScript source, so the web app and the server
    // always share the same schemas and types without a separate build step.
    conditions: ['source', 'module', 'browser', 'development|production'],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
      '/ready': apiTarget,
      '/metrics': apiTarget,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
            },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
            {
              name: 'contracts',
              test: /node_modules[\\/](zod|i18n-iso-countries|diacritics)[\\/]|packages[\\/]contracts[\\/]/,
            },
          ],
        },
      },
    },
  },
});
