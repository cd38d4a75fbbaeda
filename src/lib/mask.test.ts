import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskNumbersInText, maskPersonalText, maskPhone } from './mask';

/** How many characters of the original a mask leaves visible, position by position. */
function visibleCount(original: string, masked: string): number {
  const before = Array.from(original);
  const after = Array.from(masked);
  expect(after).toHaveLength(before.length);
  return after.filter((char, i) => {
    if (char !== '*') expect(char).toBe(before[i]);
    return char !== '*';
  }).length;
}

describe('maskIdNumber', () => {
  it.each([
    ['an 18-digit number', '371602199001011234', '3716**********1234'],
    ['an 18-character number ending in X', '11010519491231002X', '1101**********002X'],
    ['a legacy 15-digit number', '130503670401001', '1305*******1001'],
    ['an 8-character value', '12345678', '1234****'],
    ['a 5-character value', '12345', '12***'],
    ['a 3-character value', '123', '1**'],
    ['a single character', '1', '*'],
    ['an empty value', '', ''],
  ])('masks %s', (_label, value, masked) => {
    expect(maskIdNumber(value)).toBe(masked);
  });
});

describe('maskPhone', () => {
  it.each([
    ['an 11-digit mobile number', '13812345678', '138****5678'],
    ['a 10-digit value', '1381234567', '138*****67'],
    ['a 7-digit value', '1234567', '123****'],
    ['a 2-digit value', '12', '1*'],
    ['an empty value', '', ''],
  ])('masks %s', (_label, value, masked) => {
    expect(maskPhone(value)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['a three-character name', '张三丰', '张*丰'],
    ['a two-character name', '张三', '张*'],
    ['a four-character compound-surname name', '欧阳娜娜', '欧**娜'],
    ['a one-character name', '张', '*'],
    ['a name with a character outside the BMP', '𠮷野家', '𠮷*家'],
    ['a two-character name starting outside the BMP', '𠮷子', '𠮷*'],
    ['a name with a middle dot', '买买提·艾力', '买****力'],
    ['an empty name', '', ''],
  ])('masks %s', (_label, value, masked) => {
    expect(maskName(value)).toBe(masked);
  });
});

describe('mask properties', () => {
  const anyText = fc.string({ unit: fc.constantFrom(...'0123456789X张三丰𠮷ab ·-'), maxLength: 40 });

  it('an ID number mask shows at most its first 4 and last 4, and never more than half of other lengths', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const length = Array.from(value).length;
        const visible = visibleCount(value, maskIdNumber(value));
        expect(visible).toBeLessThanOrEqual(length === 15 || length === 18 ? 8 : Math.floor(length / 2));
      }),
    );
  });

  it('a phone mask shows at most its first 3 and last 4, and never more than half of other lengths', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const length = Array.from(value).length;
        const visible = visibleCount(value, maskPhone(value));
        expect(visible).toBeLessThanOrEqual(length === 11 ? 7 : Math.floor(length / 2));
      }),
    );
  });

  it('a name mask shows at most the first and last character, and only the first of a two-character name', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const length = Array.from(value).length;
        const visible = visibleCount(value, maskName(value));
        expect(visible).toBeLessThanOrEqual(length <= 2 ? Math.floor(length / 2) : 2);
      }),
    );
  });
});

describe('maskNumbersInText', () => {
  it.each([
    ['请联系我13812345678谢谢', '请联系我138****5678谢谢'],
    ['电话 +86 138-1234-5678。', '电话 138****5678。'],
    ['电话 86 138 1234 5678', '电话 138****5678'],
    ['身份证371602199001011234', '身份证3716**********1234'],
    ['身份证37160219900101123X', '身份证3716**********123X'],
    ['老身份证371602900101123', '老身份证3716*******1123'],
    // Not a mobile number: 12 digits, a landline, an order number glued to more digits.
    ['订单号138123456789', '订单号138123456789'],
    ['座机0543-3160000', '座机0543-3160000'],
    ['12345678901 不是手机号', '12345678901 不是手机号'],
    ['第1网格3号楼，没有号码', '第1网格3号楼，没有号码'],
  ])('%s → %s', (text, masked) => {
    expect(maskNumbersInText(text)).toBe(masked);
  });
});

describe('maskPersonalText', () => {
  it.each([
    ['我叫张三，住3号楼', '我叫张*，住3号楼'],
    ['联系人：李四 13812345678', '联系人：李* 138****5678'],
    ['姓名 欧阳娜娜反映', '姓名 欧**娜反映'],
    // Up to four characters are taken: a longer run hides more, never less, of the name.
    ['诉求人王小明来电', '诉求人王**来电'],
    ['报件人:赵六。', '报件人:赵*。'],
    // No cue, or no name after it: left as it is.
    ['我是业主，楼上漏水', '我是业主，楼上漏水'],
    ['张先生反映路灯不亮', '张先生反映路灯不亮'],
    ['联系人13812345678', '联系人138****5678'],
    ['', ''],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalText(text)).toBe(masked);
  });
});
