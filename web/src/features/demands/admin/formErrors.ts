import { isApiError } from '../../../api/client';
import { pickLocalized } from '../../../i18n/language';

// The server names a bad field by its dotted path (`firstContactHours`, `attributes.0.code`,
// `rates.weights.response`); antd forms name fields by arrays. This puts each body error on its form
// field when the form has it, and returns the rest as sentences for a message.

export type NamePath = (string | number)[];

export type ServerFieldErrors = { fields: { name: NamePath; errors: string[] }[]; other: string[] };

const toNamePath = (field: string): NamePath =>
  field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * `formFields` are the top-level names the form has; an error under one of them goes to its field
 * (`attributes.0.code` to ['attributes', 0, 'code']). `rename` maps a server path to another form name.
 */
export function serverFieldErrors(
  error: unknown,
  language: string,
  formFields: readonly string[],
  rename: Record<string, NamePath> = {},
): ServerFieldErrors {
  const out: ServerFieldErrors = { fields: [], other: [] };
  if (!isApiError(error)) return out;
  const byName = new Map<string, { name: NamePath; errors: string[] }>();
  for (const e of error.errors) {
    const message = pickLocalized(e.message, language);
    const name = rename[e.field] ?? toNamePath(e.field);
    if (e.in !== 'body' || !formFields.includes(String(name[0]))) {
      out.other.push(message);
      continue;
    }
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byName.set(key, entry);
  }
  out.fields = [...byName.values()];
  return out;
}
