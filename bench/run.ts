// `npm run bench [name…]`: runs every bench/*.bench.ts (or those whose file name contains one
// of the given words), one after another in this process, and prints each result as the
// ratio of its baseline to its subject, with the resident memory after each file.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './bench.types';

const benchDirectory = dirname(fileURLToPath(import.meta.url));

function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(ms >= 10 ? 1 : 2)} ms`;
}

function formatRatio(baselineMs: number, subjectMs: number): string {
  if (subjectMs <= 0) return 'subject took no measurable time';
  const ratio = baselineMs / subjectMs;
  return ratio >= 1 ? `${ratio.toFixed(1)}x faster` : `${(1 / ratio).toFixed(1)}x slower`;
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  rows.forEach((row, i) => {
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  });
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = readdirSync(benchDirectory)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => wanted.length === 0 || wanted.some((word) => file.includes(word)))
    .sort();
  if (files.length === 0) {
    console.log(
      `no bench files${wanted.length > 0 ? ` matching ${wanted.join(', ')}` : ''} in ${benchDirectory}`,
    );
    return;
  }
  const rows: string[][] = [['bench', 'baseline', 'subject', 'ratio', 'rss after']];
  const notes: string[] = [];
  for (const file of files) {
    console.log(`running ${file} …`);
    try {
      const module = (await import(pathToFileURL(join(benchDirectory, file)).href)) as { default?: unknown };
      if (typeof module.default !== 'function')
        throw new TypeError(`${file} has no default-exported function`);
      const results = (await module.default()) as BenchResult[];
      const rss = `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`;
      for (const result of results) {
        rows.push([
          result.name,
          `${result.baseline.label}: ${formatMs(result.baseline.ms)}`,
          `${result.subject.label}: ${formatMs(result.subject.ms)}`,
          formatRatio(result.baseline.ms, result.subject.ms),
          rss,
        ]);
        if (result.note) notes.push(`${result.name}: ${result.note}`);
      }
    } catch (error) {
      process.exitCode = 1;
      console.error(`${file} failed:`, error);
      rows.push([file, 'failed', '', '', '']);
    }
  }
  console.log('');
  printTable(rows);
  if (notes.length > 0) console.log(`\n${notes.map((note) => `* ${note}`).join('\n')}`);
}

await main();
