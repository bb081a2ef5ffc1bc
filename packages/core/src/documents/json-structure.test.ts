import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { checkJsonStructure } from './json-structure.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the JSON to be refused');
}

describe('JSON structure', () => {
  it.each([
    ['an object', '{"a":[1,2,{"b":null}]}'],
    ['an array with a byte-order mark', '\uFEFF[true, false]'],
    ['non-ASCII text', '{"pays":"Côte d’Ivoire","関税":1}'],
    ['deep nesting', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
  ])('accepts %s', (_label, json) => {
    expect(() => checkJsonStructure(utf8(json), 'a.json')).not.toThrow();
  });

  it.each([
    ['a trailing comma', '{"a":1,}'],
    ['a truncated document', '{"a":[1,2'],
    ['single quotes', "{'a':1}"],
  ])('refuses %s, saying where', (_label, json) => {
    const error = refusal(() => checkJsonStructure(utf8(json), 'a.json'));
    expect(error).toMatchObject({ code: 'UNPROCESSABLE', details: { reason: 'CORRUPT' } });
    expect(error.message).toMatch(/^The file "a\.json" is not valid JSON \(.+\)\.$/);
  });

  it('refuses bytes that are not UTF-8', () => {
    const error = refusal(() => checkJsonStructure(Uint8Array.of(0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d)));
    expect(error.message).toBe('The file is not valid JSON: it contains bytes that are not UTF-8 text.');
  });
});
