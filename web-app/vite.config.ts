import { defineConfig } from 'vitest/config';

// Neither UTC nor Beijing, with daylight saving: a test that leans on the machine's zone fails. Set before the
// test workers start, so that they inherit it.
if (process.env.VITEST !== undefined) {
  process.env.TZ = 'America/Los_Angeles';
}

// The app is built into the jar's static/ folder: the gateway (Spring WebFlux) serves it at /.
// No inline scripts or styles, so the gateway's Content-Security-Policy (script-src 'self'; style-src 'self') holds.
export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      onLog(level, log, handler) {
        // react-router marks its module "use client" for React Server Components, which a plain SPA does not use.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    // `npm run dev` next to a gateway on :8080 (signed in there first): /api, sign-in and sign-out go to it.
    proxy: {
      '/api': 'http://localhost:8080',
      '/oauth2': 'http://localhost:8080',
      '/login': 'http://localhost:8080',
      '/logout': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    env: { TZ: 'America/Los_Angeles' },
  },
});
