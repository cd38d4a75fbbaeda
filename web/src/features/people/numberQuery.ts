/**
 * What an official typed into the one "ID number or phone" box: an ID number (18 characters with a
 * final digit or X, or the old 15 digits; GB 11643), a mainland mobile (11 digits from 13–19, also
 * written with +86, spaces or hyphens), or neither. Only the shape is read here; the server checks
 * the number itself and searches by its blind index.
 */
export type NumberQuery =
  | { kind: 'empty' }
  | { kind: 'idNumber'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'invalid' };

export function classifyNumberQuery(text: string | undefined): NumberQuery {
  // NFKC: full-width digits from Chinese input methods become ASCII.
  const compact = (text ?? '').normalize('NFKC').replace(/[\s\-()]/g, '');
  if (compact === '') return { kind: 'empty' };
  // The phone first: 0086 and 11 digits make 15, the length of an old ID number (whose province
  // code never starts with 00).
  const national = compact.replace(/^(\+86|0086)/, '');
  if (/^1[3-9]\d{9}$/.test(national)) return { kind: 'phone', value: national };
  if (/^\d{17}[\dXx]$/.test(compact) || /^\d{15}$/.test(compact))
    return { kind: 'idNumber', value: compact.toUpperCase() };
  return { kind: 'invalid' };
}
