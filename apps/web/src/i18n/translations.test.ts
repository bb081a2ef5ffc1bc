import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, fr } from './bundles.js';

type Tree = { [key: string]: string | string[] | Tree };

/** Flattens to dotted keys; plural forms (_one, _many, _other) count as one key, as i18next resolves them. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string') out.set(name, `${out.get(name) ?? ''}${value}`);
    else if (Array.isArray(value)) out.set(name, value.join('\n'));
    else for (const [k, v] of flatten(value, `${name}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...new Set(text.match(/\{\{\s*\w+\s*\}\}/g) ?? [])].sort();

const english = flatten(en as Tree);
const french = flatten(fr as Tree);

describe('translations', () => {
  it('French has exactly the keys English has', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('no message is empty, and each French one uses the same placeholders as the English', () => {
    for (const [key, text] of english) {
      expect(text.trim(), `en ${key}`).not.toBe('');
      const translated = french.get(key) ?? '';
      expect(translated.trim(), `fr ${key}`).not.toBe('');
      expect(placeholders(translated), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('lists keep the same length in both languages', () => {
    const lists = (tree: Tree, prefix = ''): [string, number][] =>
      Object.entries(tree).flatMap(([k, v]) =>
        Array.isArray(v)
          ? [[`${prefix}${k}`, v.length]]
          : typeof v === 'object'
            ? lists(v, `${prefix}${k}.`)
            : [],
      );
    expect(lists(fr as Tree)).toEqual(lists(en as Tree));
  });

  it('every literal key the code passes to t() exists', () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) files.push(full);
      }
    };
    walk(src);
    const missing: string[] = [];
    let scanned = 0;
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.:-]+)'/g)) {
        const key = match[1] ?? '';
        scanned++;
        if (!english.has(key)) missing.push(`${path.relative(src, file)}: ${key}`);
      }
    }
    expect(scanned).toBeGreaterThan(200); // the scan really reads the code
    expect(missing).toEqual([]);
  });
});
