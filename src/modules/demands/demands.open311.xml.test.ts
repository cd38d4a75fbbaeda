import { describe, expect, it } from 'vitest';
import { childrenNamed, childText, parseXml, sparkOfJson, sparkOfXml } from './demands.open311.fixtures';
import { escapeXml, toOpen311Xml, XML_DECLARATION } from './demands.open311.xml';

describe('escapeXml', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&apos;'],
    ['a & b <c> "d" \'e\'', 'a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;'],
    ['&amp;', '&amp;amp;'],
    ['楼道灯坏了', '楼道灯坏了'],
    ['', ''],
  ])('%j → %j', (input, out) => expect(escapeXml(input)).toBe(out));

  it('drops characters XML 1.0 cannot carry and keeps tab, line feed and carriage return', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf')).toBe('abcdef');
    expect(escapeXml('a\tb\nc\rd')).toBe('a\tb\nc\rd');
  });
});

describe('toOpen311Xml', () => {
  it('starts with the UTF-8 declaration and wraps a list in its wrapper and item names', () => {
    const xml = toOpen311Xml('services', [
      { service_code: 'a.b', metadata: true, group: null },
      { service_code: 'c', metadata: false, group: '物业' },
    ]);
    expect(xml.startsWith(`${XML_DECLARATION}\n<services><service>`)).toBe(true);
    const root = parseXml(xml);
    expect(root.name).toBe('services');
    const items = childrenNamed(root, 'service');
    expect(items).toHaveLength(2);
    expect(childText(items[0]!, 'metadata')).toBe('true');
    expect(childText(items[1]!, 'metadata')).toBe('false');
    expect(childText(items[0]!, 'group')).toBe('');
    expect(xml).toContain('<group></group>');
  });

  it('keeps a list of one a list (Spark) and an empty list an empty wrapper', () => {
    expect(sparkOfXml(parseXml(toOpen311Xml('errors', [{ code: 404, description: 'x' }])))).toEqual([
      { code: '404', description: 'x' },
    ]);
    expect(toOpen311Xml('service_requests', [])).toContain('<service_requests></service_requests>');
  });

  it('writes nested lists with their own item names (attributes → attribute, values → value)', () => {
    const def = {
      service_code: 'x',
      attributes: [{ code: 'trapped', values: [{ key: 'yes', name: '是' }] }],
    };
    const root = parseXml(toOpen311Xml('service_definition', def));
    const attr = childrenNamed(childrenNamed(root, 'attributes')[0]!, 'attribute')[0]!;
    const value = childrenNamed(childrenNamed(attr, 'values')[0]!, 'value')[0]!;
    expect(childText(value, 'key')).toBe('yes');
    expect(childText(value, 'name')).toBe('是');
  });

  it('omits undefined fields, writes numbers as decimals and non-finite numbers as empty', () => {
    const xml = toOpen311Xml('service_requests', [
      { token: 't', service_request_id: undefined, lat: 37.5, long: Number.NaN },
    ]);
    expect(xml).not.toContain('service_request_id');
    expect(xml).toContain('<lat>37.5</lat>');
    expect(xml).toContain('<long></long>');
  });

  it('escapes text so the document stays well formed and reads back the same', () => {
    const nasty = '</description><x>&amp; "引号" \'单\' <script>';
    const value = [{ description: nasty }];
    const root = parseXml(toOpen311Xml('service_requests', value));
    expect(sparkOfXml(root)).toEqual(sparkOfJson(value));
  });

  it('refuses a list it has no item name for, and values it cannot write', () => {
    expect(() => toOpen311Xml('things', [1])).toThrow(/no item name/);
    expect(() => toOpen311Xml('x', { f: () => 1 })).toThrow(/cannot write/);
  });
});

describe('the test XML reader', () => {
  it.each([
    ['no declaration', '<a></a>'],
    ['unclosed', `${XML_DECLARATION}<a><b></a>`],
    ['two roots', `${XML_DECLARATION}<a></a><b></b>`],
    ['attributes', `${XML_DECLARATION}<a x="1"></a>`],
    ['stray <', `${XML_DECLARATION}<a>1 < 2</a>`],
    ['unknown entity', `${XML_DECLARATION}<a>&nbsp;</a>`],
  ])('rejects %s', (_why, xml) => expect(() => parseXml(xml)).toThrow());

  it('reads self-closing elements and numeric entities', () => {
    const root = parseXml(`${XML_DECLARATION}<a><b/><c>&#x6D4B;&#35797;</c></a>`);
    expect(childText(root, 'b')).toBe('');
    expect(childText(root, 'c')).toBe('测试');
  });
});
