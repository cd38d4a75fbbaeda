import { describe, expect, it } from 'vitest';
import { cellText, dateText, groupUnits, readRow } from './owners.import.rules';

describe('cells of the register workbook', () => {
  it.each([
    ['2024-03-15', '2024-03-15'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    [45_366, '2024-03-15'],
    ['2023-02-30', undefined],
    ['昨天', undefined],
  ] as const)('%s is the date %s', (cell, expected) => {
    expect(dateText(cell)).toBe(expected);
  });

  it('folds full-width characters and trims', () => {
    expect(cellText(' １号楼０１０１ ')).toBe('1号楼0101');
    expect(cellText(new Date('2024-03-15T00:00:00Z'))).toBe('2024-03-15');
  });
});

describe('rows of the register', () => {
  const row = (n: number, cells: Record<string, string | number | null>) => readRow(n, cells);

  it('reads a unit and its owner', () => {
    const { parsed, problems } = row(2, {
      label: '1号楼0101',
      registeredArea: '88.25',
      deliveredOn: '2023-05-01',
      ownerName: '赵六',
      idNumber: '371602198001010013',
    });
    expect(problems).toEqual([]);
    expect(parsed.unit).toMatchObject({
      label: '1号楼0101',
      registeredArea: '88.25',
      deliveredOn: '2023-05-01',
    });
    expect(parsed.owner).toEqual({
      name: '赵六',
      kind: 'person',
      idNumber: '371602198001010013',
      phone: null,
    });
  });

  it('names every problem of a row by its column', () => {
    const { problems } = row(3, {
      registeredArea: '88.12345',
      useKind: '别墅',
      developerUnsold: '也许',
      ownerName: '赵六',
    });
    expect(problems.map((p) => `${p.field}:${p.reason}`)).toEqual([
      '专有部分:required',
      '用途:bad_choice',
      '不动产登记面积:bad_area',
      '建设单位未售:bad_choice',
      '身份证号:required',
    ]);
  });

  it('gathers co-owners of a unit and refuses rows of one unit that disagree', () => {
    const rows = [
      row(2, { label: 'A', registeredArea: '80', deliveredOn: '2023-01-01', ownerName: '甲', idNumber: '1' })
        .parsed,
      row(3, { label: 'A', ownerName: '乙', idNumber: '2' }).parsed,
      row(4, { label: 'A', registeredArea: '81', ownerName: '丙', idNumber: '3' }).parsed,
    ];
    const { groups, problems } = groupUnits(rows, '2026-01-01', (r) => r.owner?.idNumber ?? null);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.rows).toHaveLength(3);
    expect(problems.map((p) => `${p.row}:${p.reason}`)).toEqual(['4:unit_conflict']);
  });

  it('checks each unit as the register form does (SPC art. 8, delivery)', () => {
    const rows = [row(2, { label: 'B', deliveredOn: '2023-01-01' }).parsed];
    const { problems } = groupUnits(rows, '2026-01-01', () => null);
    expect(problems.map((p) => p.reason)).toEqual(['area_missing', 'delivered_without_owner']);
  });
});
