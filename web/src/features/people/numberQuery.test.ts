import { describe, expect, it } from 'vitest';
import { classifyNumberQuery } from './numberQuery';

describe('the ID number or phone box', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['11010519491231002x', { kind: 'idNumber', value: '11010519491231002X' }],
    ['110105491231002', { kind: 'idNumber', value: '110105491231002' }],
    ['１１０１０５１９４９１２３１００２Ｘ', { kind: 'idNumber', value: '11010519491231002X' }],
    ['13812345678', { kind: 'phone', value: '13812345678' }],
    ['+86 138-1234-5678', { kind: 'phone', value: '13812345678' }],
    ['0086 13812345678', { kind: 'phone', value: '13812345678' }],
    ['12812345678', { kind: 'invalid' }],
    ['1381234', { kind: 'invalid' }],
    ['3716', { kind: 'invalid' }],
    ['王芳', { kind: 'invalid' }],
  ] as const)('“%s” is read as %o', (text, expected) => {
    expect(classifyNumberQuery(text)).toEqual(expected);
  });
});
