import { describe, expect, it } from 'vitest';
import { attributeAnswers, type CategoryAttribute, missingAttributes, orderedAttributes } from './attributes';

const question = (code: string, over: Partial<CategoryAttribute> = {}): CategoryAttribute => ({
  code,
  datatype: 'string',
  required: false,
  description: { zh: code, en: code },
  order: 1,
  values: [],
  ...over,
});

const DEFS = [
  question('kinds', { datatype: 'multivaluelist', required: true, order: 3 }),
  question('floor', { order: 1 }),
  question('trapped', { datatype: 'singlevaluelist', required: true, order: 2 }),
];

describe('orderedAttributes', () => {
  it('asks in the catalogue’s order', () => {
    expect(orderedAttributes(DEFS).map((d) => d.code)).toEqual(['floor', 'trapped', 'kinds']);
  });
});

describe('missingAttributes', () => {
  it.each([
    [{}, ['trapped', 'kinds']],
    [{ trapped: 'no', kinds: [] }, ['kinds']],
    [{ trapped: '  ', kinds: ['a'] }, ['trapped']],
    [{ trapped: 'yes', kinds: ['a', 'b'] }, []],
  ] as const)('%j → %j', (answers, missing) => {
    expect(missingAttributes(DEFS, answers as Record<string, string | string[]>)).toEqual(missing);
  });
});

describe('attributeAnswers', () => {
  it('keeps lists as they are and leaves out other categories’ answers', () => {
    expect(attributeAnswers(DEFS, { kinds: ['a'], floor: ' 3 ', plate: '鲁M12345' })).toEqual({
      kinds: ['a'],
      floor: '3',
    });
  });
});
