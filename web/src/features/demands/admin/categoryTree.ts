import type { CategoryAttribute, CategoryView } from './api';

// Pure helpers of the catalogue page: the flat list as a tree, and attribute values as lines of text.

export type CategoryNode = CategoryView & { key: string; children?: CategoryNode[] };

/** Top-level categories with their sub-categories below, in catalogue order (sortOrder, then code). */
export function buildCategoryTree(items: readonly CategoryView[]): CategoryNode[] {
  const sorted = [...items].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const nodes = new Map<string, CategoryNode>(sorted.map((c) => [c.code, { ...c, key: c.code }]));
  const roots: CategoryNode[] = [];
  for (const c of sorted) {
    const node = nodes.get(c.code)!;
    const parent = c.parentCode ? nodes.get(c.parentCode) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), node];
    else roots.push(node);
  }
  return roots;
}

/** Keeps the categories whose name or code contains `text`, with the parents that lead to them. */
export function filterCategoryTree(tree: readonly CategoryNode[], text: string): CategoryNode[] {
  const q = text.trim().toLowerCase();
  if (!q) return [...tree];
  const hit = (n: CategoryNode) =>
    n.code.toLowerCase().includes(q) || n.name.zh.includes(q) || n.name.en.toLowerCase().includes(q);
  return tree.flatMap((n) => {
    if (hit(n)) return [n];
    const children = filterCategoryTree(n.children ?? [], q);
    return children.length > 0 ? [{ ...n, children }] : [];
  });
}

/** The next free sub-category code under `parent`: `parent.item1`, `parent.item2` … */
export function suggestSubCode(parent: string, taken: readonly string[]): string {
  const used = new Set(taken);
  for (let i = 1; ; i++) if (!used.has(`${parent}.item${i}`)) return `${parent}.item${i}`;
}

/** `key|中文|English` per line, as the attribute form edits list values. */
export function valuesToText(values: CategoryAttribute['values']): string {
  return values.map((v) => `${v.key}|${v.name.zh}|${v.name.en}`).join('\n');
}

/** The reverse of valuesToText; a line with only a key uses it as both names. Blank lines are skipped. */
export function textToValues(text: string): CategoryAttribute['values'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [key = '', zh, en] = line.split('|').map((part) => part.trim());
      return { key, name: { zh: zh || key, en: en || zh || key } };
    });
}
