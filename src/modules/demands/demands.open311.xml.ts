// The XML side of Open311 (GeoReport v2 "XML Support", JSON_and_XML_Conversion.md "The Spark
// Convention"): our JSON answers are the Spark mapping of the XML, so the XML is made back from the
// JSON value. A list is a wrapper element whose children all carry the item name the spec gives it
// (`<services><service>…`); an object is its fields as child elements in order; null is an empty
// element; booleans are `true`/`false`. No attributes, no namespace, UTF-8 declared.

/** The element name of a list's items, by the list's own name (GeoReport v2, Service Discovery). */
export const OPEN311_LIST_ITEMS: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

// Characters XML 1.0 cannot carry at all (C0 controls but tab, line feed, carriage return; U+FFFE/F).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching those characters is the point.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text or attribute content with the five special characters escaped and non-XML characters dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return `<${name}></${name}>`;
  if (Array.isArray(value)) {
    const item = OPEN311_LIST_ITEMS[name];
    if (!item) throw new Error(`open311 xml: no item name for the list ${name}`);
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  if (typeof value === 'string') return `<${name}>${escapeXml(value)}</${name}>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `<${name}></${name}>`;
    return `<${name}>${String(value)}</${name}>`;
  }
  if (typeof value === 'boolean') return `<${name}>${value ? 'true' : 'false'}</${name}>`;
  throw new Error(`open311 xml: cannot write a ${typeof value} as ${name}`);
}

/**
 * A whole XML document: `root` names the root element; an array value becomes the list wrapper
 * (`toOpen311Xml('services', [...])` → `<services><service>…</service></services>`).
 */
export function toOpen311Xml(root: string, value: unknown): string {
  return `${XML_DECLARATION}\n${element(root, value)}\n`;
}
