import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** The web app: built into web/dist, served by `forecourt serve` at `/`; in dev, /api goes to the server. */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    alias: { '@common': fileURLToPath(new URL('../common', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The entry (providers, antd core, i18n) is ~380 kB before gzip; the sign-in page, the shell and each
    // page load on demand. server/test/bundle-size.test.ts keeps the initial load under 300 KB gzipped.
    chunkSizeWarningLimit: 450,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id))
            return 'react';
          if (/node_modules\/(i18next|react-i18next|@tanstack)\//.test(id)) return 'lib';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
