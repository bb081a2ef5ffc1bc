import type { AppError } from '../errors.js';
import { fileLabel, refuseDocument } from './document-refusal.js';

/**
 * A small, non-recursive XML 1.0 well-formedness checker. It exists so that evidence XML is checked
 * without handing attacker-controlled input to a full parser: a document type declaration (DOCTYPE) is
 * refused outright, which rules out external entities (XXE, OWASP XXE Prevention Cheat Sheet) and
 * entity-expansion bombs ("billion laughs"). Without a DTD only the five predefined entities and
 * character references exist (XML 1.0 §4.1, WFC: Entity Declared), so anything else is refused too.
 * Nesting is tracked on an array, so a deeply nested file cannot exhaust the call stack.
 */

const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'uy');
const REFERENCE = new RegExp(`&(?:#([0-9]+)|#x([0-9a-fA-F]+)|([${NAME_START}][${NAME_CHAR}]*));`, 'uy');
/** XML 1.0 §2.2 Char, negated. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/;
const PREDEFINED = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);

/** True when the content (after any byte-order mark and white space) starts like XML. */
export function looksLikeXml(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes[2] === 0 && bytes[3] === 0x3c;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes[2] === 0x3c && bytes[3] === 0;
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && isSpaceByte(bytes[at]!)) at += 1;
  return bytes[at] === 0x3c && bytes[at + 1] !== undefined;
}

function isSpaceByte(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function decodeXml(bytes: Uint8Array, name: string | undefined): string {
  let label = 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
    const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head)?.[1];
    if (declared) label = declared;
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw refuseDocument(
      'CORRUPT',
      `${fileLabel(name)} declares the character encoding "${label}", which cannot be read; save it as UTF-8 and upload it again.`,
    );
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw refuseDocument(
      'CORRUPT',
      `${fileLabel(name)} contains bytes that are not valid ${label.toUpperCase()} text; save it as UTF-8 and upload it again.`,
    );
  }
}

export function checkXmlStructure(bytes: Uint8Array, name?: string): void {
  const s = decodeXml(bytes, name);
  const n = s.length;
  let i = 0;

  const fail = (problem: string, at = i): AppError => {
    const before = s.slice(0, Math.min(at, n));
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return refuseDocument(
      'CORRUPT',
      `${fileLabel(name)} is not well-formed XML (line ${line}, column ${column}: ${problem}).`,
      { line, column },
    );
  };
  const skipSpace = (): boolean => {
    const start = i;
    while (i < n && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i += 1;
    return i > start;
  };
  const readName = (): string => {
    NAME.lastIndex = i;
    const match = NAME.exec(s);
    if (!match) throw fail('a name was expected');
    i = NAME.lastIndex;
    return match[0];
  };
  /** Checks references and forbidden characters in character data or an attribute value. */
  const checkCharData = (from: number, to: number, inAttribute: boolean): void => {
    const segment = s.slice(from, to);
    if (inAttribute && segment.includes('<')) throw fail('"<" is not allowed in an attribute value', from);
    if (!inAttribute && segment.includes(']]>')) throw fail('"]]>" is not allowed in text', from);
    let amp = segment.indexOf('&');
    while (amp >= 0) {
      REFERENCE.lastIndex = from + amp;
      const match = REFERENCE.exec(s);
      if (!match || REFERENCE.lastIndex > to) throw fail('a bare "&" must be written as &amp;', from + amp);
      const [, dec, hex, entity] = match;
      if (entity !== undefined && !PREDEFINED.has(entity)) {
        throw fail(`the entity &${entity}; is not defined`, from + amp);
      }
      if (dec !== undefined || hex !== undefined) {
        const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
        if (code > 0x10ffff || NOT_XML_CHAR.test(String.fromCodePoint(code))) {
          throw fail('a character reference names a character XML does not allow', from + amp);
        }
      }
      amp = segment.indexOf('&', REFERENCE.lastIndex - from);
    }
  };
  const skipTo = (terminator: string, what: string): number => {
    const end = s.indexOf(terminator, i);
    if (end < 0) throw fail(`${what} is never closed`);
    return end;
  };

  const bad = NOT_XML_CHAR.exec(s);
  if (bad) throw fail('the file contains a character XML does not allow', bad.index);

  if (/^<\?xml[\s?]/.test(s)) {
    const decl = DECLARATION.exec(s);
    if (!decl) throw fail('the XML declaration is invalid');
    i = decl[0].length;
  }

  const open: string[] = [];
  let sawRoot = false;
  while (i < n) {
    const lt = s.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (open.length > 0) checkCharData(i, textEnd, false);
    else if (s.slice(i, textEnd).trim() !== '') throw fail('text is not allowed outside the root element');
    if (lt < 0) break;
    i = lt;
    if (s.startsWith('<!--', i)) {
      i += 4;
      const end = skipTo('-->', 'a comment');
      if (s.slice(i, end).includes('--')) throw fail('"--" is not allowed inside a comment');
      i = end + 3;
    } else if (s.startsWith('<?', i)) {
      const start = i;
      i += 2;
      const target = readName();
      if (target.toLowerCase() === 'xml') {
        throw fail('the XML declaration must be at the very start of the file', start);
      }
      i = skipTo('?>', 'a processing instruction') + 2;
    } else if (s.startsWith('<!DOCTYPE', i) || s.startsWith('<!doctype', i)) {
      throw refuseDocument(
        'UNSAFE_CONTENT',
        `${fileLabel(name)} contains a document type declaration (DOCTYPE). XML with a DOCTYPE is refused because it can load external files or expand entities without limit; remove the DOCTYPE and upload it again.`,
      );
    } else if (s.startsWith('<![CDATA[', i)) {
      if (open.length === 0) throw fail('a CDATA section is only allowed inside the root element');
      i += 9;
      i = skipTo(']]>', 'a CDATA section') + 3;
    } else if (s.startsWith('</', i)) {
      const start = i;
      i += 2;
      const tag = readName();
      skipSpace();
      if (s[i] !== '>') throw fail(`the end tag </${tag}> is malformed`, start);
      const expected = open.pop();
      if (expected !== tag) {
        const problem = expected
          ? `</${tag}> found where </${expected}> was expected`
          : `</${tag}> has no start tag`;
        throw fail(problem, start);
      }
      i += 1;
    } else {
      if (open.length === 0 && sawRoot) throw fail('there is more than one root element');
      i += 1;
      const tag = readName();
      const attributes = new Set<string>();
      for (;;) {
        const spaced = skipSpace();
        if (s[i] === '>') {
          open.push(tag);
          i += 1;
          break;
        }
        if (s.startsWith('/>', i)) {
          i += 2;
          break;
        }
        if (i >= n) throw fail(`the start tag <${tag}> is never closed`);
        if (!spaced) throw fail(`white space is missing in the start tag <${tag}>`);
        const attributeStart = i;
        const attribute = readName();
        if (attributes.has(attribute))
          throw fail(`the attribute "${attribute}" appears twice`, attributeStart);
        attributes.add(attribute);
        skipSpace();
        if (s[i] !== '=') throw fail(`the attribute "${attribute}" has no value`);
        i += 1;
        skipSpace();
        const quote = s[i];
        if (quote !== '"' && quote !== "'") throw fail(`the value of "${attribute}" must be in quotes`);
        i += 1;
        const end = skipTo(quote!, `the value of "${attribute}"`);
        checkCharData(i, end, true);
        i = end + 1;
      }
      sawRoot = true;
    }
  }
  if (open.length > 0) throw fail(`the element <${open[open.length - 1]}> is never closed`, n);
  if (!sawRoot) throw fail('there is no root element', n);
}
