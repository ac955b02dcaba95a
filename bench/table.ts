/**
 * Prints a saved bench result (bench/results/*.json) as the Markdown table docs/performance.md records:
 * `npx tsx bench/table.ts bench/results/2026-12-01-sqlite.json`.
 */
import { readFileSync } from 'node:fs';

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}
interface Saved {
  dialect: string;
  customers?: number;
  bare: Load;
  workloads: {
    workload: string;
    concurrency: number;
    statements: number;
    app: Load;
    raw: Load;
    appOverRaw: number;
    appOverBare: number;
  }[];
}

const n = (v: number, d = 0) =>
  Number.isFinite(v)
    ? v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
    : '-';
for (const file of process.argv.slice(2)) {
  const r = JSON.parse(readFileSync(file, 'utf8')) as Saved;
  console.log(`\n${r.dialect}, ${r.customers ? n(r.customers) : '?'} customers (${file}):\n`);
  console.log('| workload | c | SQL | app op/s | p50 ms | p99 ms | raw op/s | app÷raw | app÷bare |');
  console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: |');
  console.log(
    `| bare Fastify route + \`select 1\` | 32 | 1 | ${n(r.bare.perSecond)} | ${n(r.bare.p50, 1)} | ${n(r.bare.p99, 1)} | | | |`,
  );
  for (const w of r.workloads)
    console.log(
      `| ${w.workload} | ${w.concurrency} | ${w.statements} | ${n(w.app.perSecond)} | ${n(w.app.p50, 1)} | ${n(w.app.p99, 1)} | ${n(w.raw.perSecond)} | ${n(w.appOverRaw, 2)} | ${n(w.appOverBare, 2)} |` +
        (w.app.errors ? ` (${w.app.errors} errors)` : ''),
    );
}
