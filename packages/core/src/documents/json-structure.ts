import { fileLabel, refuseDocument } from './document-refusal.js';

/**
 * JSON evidence must be UTF-8 (RFC 8259 §8.1) and parse. A byte-order mark is tolerated, as RFC 8259
 * allows parsers to ignore one. V8's JSON.parse is iterative, so deep nesting cannot overflow the stack.
 */
export function checkJsonStructure(bytes: Uint8Array, name?: string): void {
  let textContent: string;
  try {
    textContent = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuseDocument(
      'CORRUPT',
      `${fileLabel(name)} is not valid JSON: it contains bytes that are not UTF-8 text.`,
    );
  }
  try {
    JSON.parse(textContent);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    throw refuseDocument('CORRUPT', `${fileLabel(name)} is not valid JSON${detail}.`);
  }
}
