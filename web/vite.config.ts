import { defineConfig } from 'vite';

// Static build served by the local gateway (and by S3 + CloudFront): no inline script, hashed assets.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
