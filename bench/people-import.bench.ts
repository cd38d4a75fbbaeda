// Importing a 100,000-row residents ledger (居民台账) from Excel, as a street uploads its whole
// registry at once: the full import (a dry run that checks every row, then the commit that checks
// again and writes them in one transaction) against just parsing the same file with exceljs'
// streaming reader. Memory is sampled throughout: it must stay bounded by a batch and the set of
// ID-number blind indexes, not grow with the rows written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrator';
import { loadDemoCity } from '../src/demo/city/index';
import { createFieldCipher } from '../src/lib/field-crypto';
import { systemActor } from '../src/modules/iam/index';
import { importLedger } from '../src/modules/people/people.import.service';
import {
  buildLedgerWorkbook,
  ledgerIdNumber,
  ledgerPhone,
} from '../src/modules/people/people.ledger.fixtures';
import type { BenchResult } from './bench.types';

const ROWS = 100_000;
const STREET = '371602001'; // 市中街道: ~31,700 households in the demo city

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

// Live memory is read after a full collection: the peak of heap in use between collections is
// mostly garbage and says little about what an import keeps.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Wall-clock time and peak resident memory (sampled every 20 ms) while `fn` runs. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number }> {
  gc();
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - started, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

/** The most live heap `fn` holds above what was live before it: collected and sampled every 250 ms. */
async function liveHeapGrowth(fn: () => Promise<unknown>): Promise<number> {
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 250);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return peak - before;
}

export default async function peopleImport(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gr-bench-import-'));
  const db = openDatabase({ sqliteFile: path.join(dir, 'bench.sqlite') });
  try {
    await migrateToLatest(db.kysely);
    await loadDemoCity({ db: db.kysely, options: { onlyStreets: [STREET] } });
    const households = (
      await db.kysely
        .selectFrom('areas')
        .select('code')
        .where('level', '=', 'household')
        .where('status', '=', 'active')
        .where('path', 'like', `3716/371602/${STREET}/%`)
        .orderBy('code')
        .execute()
    ).map((h) => h.code);

    const rows = function* (count: number, offset: number) {
      for (let i = offset; i < offset + count; i++)
        yield {
          户编码: households[i % households.length]!,
          姓名: `居民${i}`,
          身份证号: ledgerIdNumber(i),
          联系电话: ledgerPhone(i),
          民族: '汉族',
          与户主关系: i % 3 === 0 ? '户主' : i % 3 === 1 ? '配偶' : '子女',
          人口类型: i % 10 === 0 ? '流动' : '户籍',
        };
    };
    const file = path.join(dir, 'residents-100k.xlsx');
    fs.writeFileSync(file, await buildLedgerWorkbook({ kind: 'residents', rows: rows(ROWS, 0) }));
    const small = await buildLedgerWorkbook({ kind: 'residents', rows: rows(ROWS / 10, 500_000) });
    const bytes = fs.statSync(file).size;

    // Baseline: exceljs' streaming reader over the same file, every cell touched, nothing checked.
    const parseFile = async () => {
      let cells = 0;
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(file), {
        sharedStrings: 'cache',
        styles: 'ignore',
        hyperlinks: 'ignore',
        worksheets: 'emit',
      });
      for await (const sheet of reader)
        for await (const row of sheet) cells += (row.values as unknown[]).length;
      return cells;
    };
    const parse = await timed(parseFile);

    const body = fs.readFileSync(file);
    const cipher = createFieldCipher({ key: Buffer.alloc(32, 7) });
    const run = (file: Buffer, dryRun: boolean) =>
      importLedger({ db: db.kysely, cipher, actor: systemActor, kind: 'residents', file, dryRun });
    const both = async (file: Buffer) => {
      const preview = await run(file, true);
      if (!preview.ok)
        throw new Error(`dry run found problems: ${JSON.stringify(preview.problems.slice(0, 3))}`);
      return run(file, false);
    };
    // Live memory of the parse alone, and of a dry run at a tenth and at the full size: memory that
    // grew with the rows would show as a tenfold difference.
    const heap = {
      parse: await liveHeapGrowth(parseFile),
      tenth: await liveHeapGrowth(() => run(small, true)),
      full: await liveHeapGrowth(() => run(body, true)),
    };
    const subject = await timed(() => both(body));
    const written = Number(
      (
        await db.kysely
          .selectFrom('residents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (written !== ROWS || subject.value.created.residents !== ROWS)
      throw new Error(`expected ${ROWS} residents written, found ${written}`);

    return [
      {
        name: `people import: ${ROWS.toLocaleString('en-US')}-row residents ledger`,
        baseline: { label: 'exceljs streaming parse', ms: parse.ms },
        subject: { label: 'dry run + commit (SQLite)', ms: subject.ms },
        note:
          `file ${MiB(bytes)} (shared strings), ${households.length.toLocaleString('en-US')} households of 市中街道 from the demo generator; ` +
          `live heap above the start (collected every 250 ms): exceljs parse ${MiB(heap.parse)}, ` +
          `dry run of ${(ROWS / 10).toLocaleString('en-US')} rows ${MiB(heap.tenth)}, of ${ROWS.toLocaleString('en-US')} rows ${MiB(heap.full)}; ` +
          `peak rss ${MiB(parse.peakRss)} during the parse, ${MiB(subject.peakRss)} during the import; ` +
          `${((ROWS / subject.ms) * 1000).toFixed(0)} rows/s over both passes`,
      },
    ];
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
