import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * The first visit downloads less than 300 KB gzipped: the HTML's entry script, every chunk it imports
 * statically or the HTML preloads, and the stylesheets. Pages, the shell and the sign-in form load on
 * demand (React.lazy), so a new module's screens never grow this number. Reads the built web/dist.
 */
const limitBytes = 300 * 1024;
const dist = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Absolute /assets/… references in index.html that the browser fetches before the app starts. */
function initialReferences(html: string): string[] {
  const refs: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = /rel="(modulepreload|stylesheet)"/.test(tag);
    const ref = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (ref && (isEntry || isPreload) && !/^https?:/.test(ref)) refs.push(ref.replace(/^\//, ''));
  }
  return refs;
}

/** The chunks a module script imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(file: string, code: string): string[] {
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const found: string[] = [];
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
    found.push(new URL(m[1]!, `file:///${dir}`).pathname.slice(1));
  return found;
}

describe('the initial web bundle', () => {
  it('is under 300 KB gzipped (entry, its static imports, preloads and CSS)', () => {
    const indexHtml = `${dist}index.html`;
    if (!existsSync(indexHtml))
      throw new Error(`web/dist/index.html is missing: run \`npm run build:web\` first (npm test does)`);
    const html = readFileSync(indexHtml, 'utf8');
    const queue = initialReferences(html);
    expect(queue.some((f) => f.endsWith('.js'))).toBe(true);
    const sizes = new Map<string, number>();
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (sizes.has(file)) continue;
      const path = `${dist}${file}`;
      if (!existsSync(path)) throw new Error(`index.html references ${file}, which is not in web/dist`);
      const content = readFileSync(path);
      sizes.set(file, gzipSync(content, { level: 9 }).length);
      if (file.endsWith('.js')) queue.push(...staticImports(file, content.toString('utf8')));
    }
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    const listing = [...sizes]
      .sort((a, b) => b[1] - a[1])
      .map(([f, n]) => `${(n / 1024).toFixed(1)} KB ${f}`)
      .join('\n');
    expect(
      total,
      `initial load is ${(total / 1024).toFixed(1)} KB gzipped (limit 300 KB):\n${listing}`,
    ).toBeLessThan(limitBytes);
  });
});
