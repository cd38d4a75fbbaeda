import { describe, expect, it } from 'vitest';
import { cellText, cellValue, dateCell, digitsText, mapHeader, splitChoices } from './people.import.cells';
import { LEDGER_COLUMNS } from './people.import.columns';

describe('reading cells as officials fill them in', () => {
  it.each([
    ['1985-03-15', '1985-03-15'],
    ['1985/3/5', '1985-03-05'],
    ['1985.03.15', '1985-03-15'],
    ['1985年3月15日', '1985-03-15'],
    ['19850315', '1985-03-15'],
    [19850315, '1985-03-15'],
    // Excel's serial for 1985-03-15, as a date cell reads without its style.
    [31121, '1985-03-15'],
    [new Date(Date.UTC(1985, 2, 15)), '1985-03-15'],
    ['２０００－０１－０１', '2000-01-01'],
  ])('the date %s is %s', (cell, day) => {
    expect(dateCell(cell)).toEqual({ ok: true, value: day });
  });

  it.each(['1985-02-30', '三月', '1985-13-01', 12, '15/03/1985'])('%s is not a date', (cell) => {
    expect(dateCell(cell)).toMatchObject({ ok: false, reason: 'invalid_date' });
  });

  it('an empty cell is no date, and no problem', () => {
    expect(dateCell(null)).toEqual({ ok: true, value: null });
    expect(dateCell('  ')).toEqual({ ok: true, value: null });
  });

  it('a long number has lost digits in Excel and is refused; a short one is its digits', () => {
    expect(digitsText(3.716020010010011e25)).toMatchObject({ ok: false, reason: 'not_text' });
    expect(digitsText(371602198503150000)).toMatchObject({ ok: false, reason: 'not_text' });
    expect(digitsText(13805430000)).toEqual({ ok: true, value: '13805430000' });
    expect(digitsText(' 37160200100100101001010101 ')).toEqual({
      ok: true,
      value: '37160200100100101001010101',
    });
  });

  it('rich text, formulas and hyperlinks give their text', () => {
    expect(cellValue({ richText: [{ text: '王' }, { text: '芳' }] })).toBe('王芳');
    expect(cellValue({ formula: 'A1', result: '户主' })).toBe('户主');
    expect(cellValue({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(cellValue({ error: '#N/A' })).toBeNull();
    expect(cellText(true)).toBe('是');
  });

  it('several choices in one cell split on 、 commas, semicolons and spaces, once each', () => {
    expect(splitChoices('法律、调解，法律; 医疗  教育')).toEqual(['法律', '调解', '医疗', '教育']);
    expect(splitChoices('')).toEqual([]);
  });
});

describe('finding the columns by their headers', () => {
  it('stars, notes in brackets, English names and any order are accepted; missing required columns are named', () => {
    const { at, missing } = mapHeader(
      ['备注', '姓名*', '身份证号（18位）', 'household code'],
      LEDGER_COLUMNS.residents,
    );
    expect(Object.fromEntries(at)).toEqual({ note: 0, name: 1, idNumber: 2, householdCode: 3 });
    expect(missing.map((c) => c.header)).toEqual(['与户主关系', '人口类型']);
  });
});
