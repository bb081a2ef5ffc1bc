import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { checkXmlStructure } from './xml-structure.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the XML to be refused');
}

describe('well-formed XML is accepted', () => {
  it.each([
    ['a minimal document', '<a/>'],
    [
      'declaration, comments and PIs',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><?pi x?><a/><!-- after -->\n',
    ],
    [
      'namespaces, attributes, references, CDATA',
      '<ns:a xmlns:ns="urn:x" b=\'1\' c="&lt;&amp;&#65;&#x42;"><![CDATA[<raw> & ]]>t&gt;</ns:a>',
    ],
    ['non-ASCII names and text', '<déclaration pays="NL">Zoll – 関税</déclaration>'],
    [
      'a WCO-style nested document',
      '<Declaration><Goods><Item seq="1"/><Item seq="2"/></Goods></Declaration>',
    ],
  ])('%s', (_label, xml) => {
    expect(() => checkXmlStructure(utf8(xml))).not.toThrow();
  });

  it('reads the encoding the declaration names, and UTF-16 with a byte-order mark', () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>café</a>', 'latin1');
    expect(() => checkXmlStructure(new Uint8Array(latin1))).not.toThrow();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>x</a>', 'utf16le')]);
    expect(() => checkXmlStructure(new Uint8Array(utf16))).not.toThrow();
  });

  it('handles 100,000 levels of nesting without recursion', () => {
    const depth = 100_000;
    expect(() => checkXmlStructure(utf8(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`))).not.toThrow();
  });
});

describe('DOCTYPE is refused: no external entities, no entity expansion', () => {
  it.each([
    ['XXE', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'],
    [
      'billion laughs',
      `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`,
    ],
    ['an external DTD', '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://x.example/x.dtd"><html/>'],
  ])('%s', (_label, xml) => {
    const error = refusal(() => checkXmlStructure(utf8(xml), 'evil.xml'));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.details).toMatchObject({ reason: 'UNSAFE_CONTENT' });
    expect(error.message).toContain('The file "evil.xml" contains a document type declaration (DOCTYPE)');
  });
});

describe('malformed XML is refused with where and what', () => {
  it.each([
    ['<a><b></a>', 1, 7, '</a> found where </b> was expected'],
    ['<a>\n  <b>\n</a>', 3, 1, '</a> found where </b> was expected'],
    ['<a>', 1, 4, 'the element <a> is never closed'],
    ['<a/><b/>', 1, 5, 'there is more than one root element'],
    ['<a>&nbsp;</a>', 1, 4, 'the entity &nbsp; is not defined'],
    ['<a>fish & chips</a>', 1, 9, 'a bare "&" must be written as &amp;'],
    ['<a x="1" x="2"/>', 1, 10, 'the attribute "x" appears twice'],
    ['<a x=1/>', 1, 6, 'the value of "x" must be in quotes'],
    ['<a x="<"/>', 1, 7, '"<" is not allowed in an attribute value'],
    ['<a>&#0;</a>', 1, 4, 'a character reference names a character XML does not allow'],
    ['<a><!-- a -- b --></a>', 1, 8, '"--" is not allowed inside a comment'],
    ['<a/>trailing', 1, 5, 'text is not allowed outside the root element'],
    [' <?xml version="1.0"?><a/>', 1, 2, 'the XML declaration must be at the very start of the file'],
    ['<?xml version="2"?><a/>', 1, 1, 'the XML declaration is invalid'],
    ['<a>\u0001</a>', 1, 4, 'the file contains a character XML does not allow'],
    ['<a><![CDATA[x</a>', 1, 13, 'a CDATA section is never closed'],
  ])('%j', (xml, line, column, problem) => {
    const error = refusal(() => checkXmlStructure(utf8(xml)));
    expect(error.details).toMatchObject({ reason: 'CORRUPT', line, column });
    expect(error.message).toBe(
      `The file is not well-formed XML (line ${line}, column ${column}: ${problem}).`,
    );
  });

  it('refuses bytes that are not valid in the declared encoding', () => {
    const error = refusal(() =>
      checkXmlStructure(Uint8Array.of(0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e)),
    );
    expect(error.message).toBe(
      'The file contains bytes that are not valid UTF-8 text; save it as UTF-8 and upload it again.',
    );
  });

  it('refuses an encoding it cannot read', () => {
    const error = refusal(() => checkXmlStructure(utf8('<?xml version="1.0" encoding="x-klingon"?><a/>')));
    expect(error.message).toContain('declares the character encoding "x-klingon", which cannot be read');
  });
});
