import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const server = 'http://127.0.0.1:3000';

/** Vendor groups cached apart from our code, so a deploy of the app leaves the large libraries cached. */
const vendorChunks: { name: string; test: RegExp }[] = [
  { name: 'vendor-echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ },
  // antd's own components apart from the rc-component primitives and CSS-in-JS runtime beneath them:
  // together they are one ~830 kB chunk, past the 500 kB warning.
  { name: 'vendor-antd', test: /[\\/]node_modules[\\/]antd[\\/]/ },
  {
    name: 'vendor-antd-base',
    test: /[\\/]node_modules[\\/](@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/,
  },
  {
    name: 'vendor-react',
    test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)[\\/]/,
  },
  // The mobile pages' library, loaded only when a mobile page is opened.
  {
    name: 'vendor-antd-mobile',
    test: /[\\/]node_modules[\\/](antd-mobile|antd-mobile-icons|antd-mobile-v5-count|@react-spring|@use-gesture|@floating-ui|ahooks)[\\/]/,
  },
  { name: 'vendor', test: /[\\/]node_modules[\\/]/ },
];

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': server,
      '/open311': server,
      '/healthz': server,
      '/readyz': server,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd's component chunk is ~520 kB minified (~160 kB gzip) and cannot be split without
    // breaking its module order; the pages themselves load lazily.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Otherwise a group also swallows what its modules import (antd would take react-dom along).
          includeDependenciesRecursively: false,
          groups: vendorChunks.map((chunk, index) => ({ ...chunk, priority: vendorChunks.length - index })),
        },
      },
    },
  },
});
