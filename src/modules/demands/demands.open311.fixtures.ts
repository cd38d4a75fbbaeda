// Test helpers for Open311: a tiny strict XML reader (no new dependency) and the Spark reading of
// an XML answer, so that a test can check the XML element by element and against the JSON answer.

export interface XmlNode {
  name: string;
  children: XmlNode[];
  /** The text of a leaf element, entities decoded ('' when empty). */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`xml: unknown entity ${whole}`);
    return v;
  });
}

/**
 * Reads an XML document of elements and text only (what Open311 answers): it must start with the
 * UTF-8 declaration, have one root, close every element in order and carry no attributes.
 */
export function parseXml(xml: string): XmlNode {
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>/i.exec(xml);
  if (!declaration) throw new Error('xml: no UTF-8 declaration at the start');
  const rest = xml.slice(declaration[0].length);
  const token = /<\/([A-Za-z_][\w.-]*)\s*>|<([A-Za-z_][\w.-]*)(\s[^>]*?)?(\/?)>|([^<]+)|(<)/g;
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  for (const m of rest.matchAll(token)) {
    const [, close, open, attrs, selfClose, text, stray] = m;
    if (stray) throw new Error(`xml: stray < at ${m.index}`);
    if (text !== undefined) {
      if (text.includes('>')) throw new Error('xml: unescaped > in text');
      const top = stack.at(-1);
      if (!top) {
        if (text.trim()) throw new Error('xml: text outside the root');
        continue;
      }
      top.text += decode(text);
      continue;
    }
    if (open) {
      if (attrs?.trim()) throw new Error(`xml: attributes on <${open}>`);
      if (!stack.length && root) throw new Error('xml: more than one root');
      const node: XmlNode = { name: open, children: [], text: '' };
      const parent = stack.at(-1);
      if (parent) parent.children.push(node);
      else root = node;
      if (!selfClose) stack.push(node);
      continue;
    }
    const top = stack.pop();
    if (!top || top.name !== close) throw new Error(`xml: </${close}> closes <${top?.name}>`);
  }
  if (stack.length || !root) throw new Error('xml: unclosed elements');
  for (const n of walk(root))
    if (n.children.length && n.text.trim()) throw new Error(`xml: mixed content in <${n.name}>`);
  return root;
}

function* walk(n: XmlNode): Generator<XmlNode> {
  yield n;
  for (const c of n.children) yield* walk(c);
}

/** The child elements of `node` with this name. */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The text of the one child `name` (throws when there is not exactly one). */
export function childText(node: XmlNode, name: string): string {
  const found = childrenNamed(node, name);
  if (found.length !== 1) throw new Error(`xml: <${node.name}> has ${found.length} <${name}>`);
  return (found[0] as XmlNode).text;
}

const LISTS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

/**
 * An XML answer read by the Spark convention: a known list wrapper is an array of its items (even
 * of one), any other element with children an object, a leaf its text. Compare with sparkOfJson.
 */
export function sparkOfXml(node: XmlNode): unknown {
  const item = LISTS[node.name];
  if (item) {
    if (node.children.some((c) => c.name !== item))
      throw new Error(`xml: <${node.name}> holds other than <${item}>`);
    return node.children.map(sparkOfXml);
  }
  if (!node.children.length) return node.text;
  const out: Record<string, unknown> = {};
  for (const c of node.children) {
    if (c.name in out) throw new Error(`xml: <${node.name}> repeats <${c.name}>`);
    out[c.name] = sparkOfXml(c);
  }
  return out;
}

/** A JSON answer as its XML would read: scalars as text, null as '' (absent keys stay absent). */
export function sparkOfJson(value: unknown): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(sparkOfJson);
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, sparkOfJson(v)]),
    );
  return String(value);
}

/** W3C date-time with an explicit offset, as GeoReport v2 requires (we answer in +08:00). */
export const W3C_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
