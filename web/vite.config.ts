// Vite builds the web app from web/ into dist/web, next to the compiled server that serves it.
import { defineConfig } from 'vite';

export default defineConfig({
  // Explicit so the build is the same whether vite runs from the repository root or from web/.
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The polyfill would be harmless, but the CSP allows no inline code and modern browsers need none.
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: false,
  },
});
