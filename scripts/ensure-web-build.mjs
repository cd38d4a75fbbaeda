// Builds the console (web/dist) when it is missing or older than its sources, so that
// `npm start` on a fresh clone serves the console without a separate build step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const index = path.resolve('web/dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestMtime(path.resolve('web/src')),
  fs.statSync(path.resolve('web/index.html')).mtimeMs,
);
if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) process.exit(0);
console.log('Building the console (web/dist)…');
const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
