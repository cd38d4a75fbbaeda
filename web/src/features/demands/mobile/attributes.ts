import type { CategoryView } from '../api';

// The questions a category asks on intake (Open311 service-definition attributes, e.g. 电梯故障:
// 是否有人被困). The server checks them again (demands.intake.rules.ts attributeProblems).

export type CategoryAttribute = CategoryView['attributes'][number];
export type AttributeAnswers = Record<string, string | string[]>;

const blank = (value: string | string[] | undefined) =>
  value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');

/** The questions in the order the catalogue gives. */
export function orderedAttributes(defs: readonly CategoryAttribute[]): CategoryAttribute[] {
  return [...defs].sort((a, b) => a.order - b.order);
}

/** Required questions left unanswered. */
export function missingAttributes(defs: readonly CategoryAttribute[], answers: AttributeAnswers): string[] {
  return orderedAttributes(defs)
    .filter((def) => def.required && blank(answers[def.code]))
    .map((def) => def.code);
}

/** The answers to send: only this category's questions, trimmed, blanks left out. */
export function attributeAnswers(
  defs: readonly CategoryAttribute[],
  answers: AttributeAnswers,
): AttributeAnswers {
  const out: AttributeAnswers = {};
  for (const def of defs) {
    const value = answers[def.code];
    if (blank(value)) continue;
    out[def.code] = Array.isArray(value) ? value : (value as string).trim();
  }
  return out;
}
