import { describe, expect, it } from 'vitest';
import { rect } from './areas.fixtures';
import {
  type BoundaryPlace,
  type Cell,
  checkBoundaryFeatures,
  checkTreeRows,
  commonPath,
  type KnownPlace,
  mapTreeHeader,
  parseTreeLevel,
  type TreeRowInput,
} from './areas.import-rules';

const A = '3716/371602/371602001';
const place = (
  code: string,
  level: KnownPlace['level'],
  path: string,
  status: 'active' | 'retired' = 'active',
) => [code, { code, level, path, depth: path.split('/').length - 1, status, lng: null, lat: null }] as const;
const known = new Map<string, KnownPlace>([
  place('371602001', 'street', A),
  place('371602002', 'street', '3716/371602/371602002'),
  place('371602001001', 'community', `${A}/371602001001`),
  place('371602001009', 'community', `${A}/371602001009`, 'retired'),
]);
const ctx = { known, canWrite: (path: string) => path === A || path.startsWith(`${A}/`) };

let n = 1;
const row = (cells: Partial<Record<keyof Omit<TreeRowInput, 'row'>, Cell>>, at?: number): TreeRowInput => ({
  row: at ?? ++n,
  level: null,
  code: null,
  name: null,
  parentCode: null,
  kind: null,
  lng: null,
  lat: null,
  floors: null,
  units: null,
  ...cells,
});
const community = (cells: Parameters<typeof row>[0] = {}) =>
  row({ level: '社区', code: '371602001002', name: '新社区', parentCode: '371602001', ...cells });
const reasons = (rows: TreeRowInput[]) =>
  checkTreeRows(rows, ctx).problems.map((p) => [p.row, p.field, p.reason]);

describe('tree rows', () => {
  it('a community → grid → compound → building → unit → household chain passes, each under the last', () => {
    const chain = [
      row({ level: '社区', code: '371602001002', name: '新立社区', parentCode: '371602001' }, 2),
      row({ level: 'grid', code: '371602001002001', name: '第一网格', parentCode: '371602001002' }, 3),
      row({ level: '小区', code: '37160200100200101', name: '黄河小区', parentCode: '371602001002001' }, 4),
      row(
        {
          level: '楼栋',
          code: '37160200100200101001',
          name: '1号楼',
          parentCode: '37160200100200101',
          lng: 118.01,
          lat: '37.38',
          floors: 6,
          units: 2,
        },
        5,
      ),
      row(
        { level: '单元', code: '3716020010020010100101', name: '1单元', parentCode: '37160200100200101001' },
        6,
      ),
      row(
        {
          level: '户',
          code: '37160200100200101001010101',
          name: '101室',
          parentCode: '3716020010020010100101',
        },
        7,
      ),
    ];
    const result = checkTreeRows(chain, ctx);
    expect(result.problems).toEqual([]);
    expect(result.byLevel).toEqual({
      community: 1,
      grid: 1,
      compound: 1,
      building: 1,
      unit: 1,
      household: 1,
    });
    const household = result.places.at(-1);
    expect(household).toMatchObject({
      path: `${A}/371602001002/371602001002001/37160200100200101/37160200100200101001/3716020010020010100101/37160200100200101001010101`,
      depth: 8,
      lng: 118.01,
      lat: 37.38,
    });
    expect(result.places[3]?.attrs).toEqual({ floors: 6, units: 2 });
  });

  it.each<[string, TreeRowInput[], [string, string][]]>([
    ['a level the import does not create', [community({ level: '街道' })], [['层级', 'level_unknown']]],
    ['a code with letters', [community({ code: '37160200100A' })], [['编码', 'code_not_digits']]],
    [
      'a 26-digit code Excel turned into a number',
      [community({ code: 3.716020010010011e25 })],
      [['编码', 'code_not_text']],
    ],
    [
      'a community code one digit short',
      [community({ code: '37160200102' })],
      [['编码', 'code_not_under_parent']],
    ],
    [
      'a grid code that does not start with its parent',
      [row({ level: '网格', code: '371602009001001', name: 'x', parentCode: '371602001001' })],
      [['编码', 'code_not_under_parent']],
    ],
    ['a serial of zeros', [community({ code: '371602001000' })], [['编码', 'code_serial_zero']]],
    [
      'a parent nobody knows',
      [community({ code: '371602003001', parentCode: '371602003' })],
      [['上级编码', 'parent_unknown']],
    ],
    [
      'a parent in another street, which reads the same as unknown',
      [community({ code: '371602002002', parentCode: '371602002' })],
      [['上级编码', 'parent_unknown']],
    ],
    [
      'a retired parent',
      [row({ level: '网格', code: '371602001009001', name: 'x', parentCode: '371602001009' })],
      [['上级编码', 'parent_unknown']],
    ],
    [
      'a grid hung under a street',
      [row({ level: '网格', code: '371602001003', name: 'x', parentCode: '371602001' })],
      [
        ['编码', 'code_not_under_parent'],
        ['上级编码', 'parent_wrong_level'],
      ],
    ],
    ['a code already in use', [community({ code: '371602001001' })], [['编码', 'code_taken']]],
    ['a retired code, never reused', [community({ code: '371602001009' })], [['编码', 'code_taken']]],
    ['an empty name', [community({ name: '  ' })], [['名称', 'required']]],
    ['a name of 65 characters', [community({ name: '长'.repeat(65) })], [['名称', 'too_long']]],
    ['a longitude outside China', [community({ lng: 160, lat: 37 })], [['经度', 'outside_china']]],
    ['a latitude without a longitude', [community({ lat: 37 })], [['经度', 'required']]],
    ['zero floors', [community({ floors: 0 })], [['楼层数', 'not_positive_integer']]],
    ['two and a half units', [community({ units: 2.5 })], [['单元数', 'not_positive_integer']]],
    [
      'the template’s example row left in',
      [row({ level: '社区', code: '371602001099', name: '示例社区', parentCode: '371602001' })],
      [['编码', 'template_example']],
    ],
  ])('%s is refused, naming the row and the Chinese column', (_case, rows, expected) => {
    const first = rows[0]?.row;
    expect(reasons(rows)).toEqual(expected.map(([field, reason]) => [first, field, reason]));
  });

  it('a building needs a location in both columns', () => {
    const r = row(
      { level: '楼栋', code: '37160200100100101009', name: '9号楼', parentCode: '37160200100100101' },
      9,
    );
    const result = checkTreeRows([r], {
      ...ctx,
      known: new Map([
        ...known,
        place('37160200100100101', 'compound', `${A}/371602001001/371602001001001/37160200100100101`),
      ]),
    });
    expect(result.problems.map((p) => [p.field, p.reason])).toEqual([
      ['经度', 'required'],
      ['纬度', 'required'],
    ]);
  });

  it('one bad row reports every problem it has, not the first', () => {
    const r = row({ level: '楼', code: 'abc', name: '', parentCode: null, lng: 'east' }, 12);
    expect(reasons([r]).map(([, field]) => field)).toEqual([
      '层级',
      '编码',
      '上级编码',
      '名称',
      '经度',
      '纬度',
    ]);
  });

  it('a parent may come earlier in the file, but not later, and a code only once', () => {
    const early = row({ level: '网格', code: '371602001002001', name: 'g', parentCode: '371602001002' }, 2);
    const com = community();
    const again = community({ name: '重复' });
    expect(reasons([early, com, again])).toEqual([
      [2, '上级编码', 'parent_after_child'],
      [again.row, '编码', 'code_duplicate'],
    ]);
  });

  it('a child of a row that failed points at that row instead of calling its parent unknown', () => {
    const bad = community({ level: '居委会' });
    const child = row({ level: '网格', code: '371602001002001', name: 'g', parentCode: '371602001002' });
    const result = checkTreeRows([bad, child], ctx);
    expect(result.problems.map((p) => [p.row, p.reason])).toEqual([
      [bad.row, 'level_unknown'],
      [child.row, 'parent_row_invalid'],
    ]);
    expect(result.valid).toBe(0);
    expect(result.places).toEqual([]);
  });
});

describe('tree levels and headers', () => {
  it.each([
    ['社区', 'community'],
    ['网格', 'grid'],
    ['小区', 'compound'],
    ['楼栋', 'building'],
    ['单元', 'unit'],
    ['户', 'household'],
    ['Household', 'household'],
    [' grid ', 'grid'],
    ['街道', undefined],
    [null, undefined],
  ])('%s reads as %s', (cell, level) => {
    expect(parseTreeLevel(cell)).toBe(level);
  });

  it('headers may be Chinese or English, in any order, with a note after them', () => {
    const { columns, problems } = mapTreeHeader([
      'code',
      '层级（必填）',
      '名称*',
      'Parent code',
      null,
      '经度',
    ]);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(columns)).toEqual({ code: 0, level: 1, name: 2, parentCode: 3, lng: 5 });
  });

  it('a missing required column is reported on row 1', () => {
    expect(mapTreeHeader(['层级', '编码', '名称']).problems).toEqual([
      expect.objectContaining({ row: 1, field: '上级编码', reason: 'column_missing' }),
    ]);
  });
});

const grid = (
  code: string,
  parentBBox: [number, number, number, number] | null,
  more: Partial<BoundaryPlace> = {},
) =>
  [
    code,
    {
      code,
      name: `网格${code.slice(-1)}`,
      level: 'grid',
      path: `${A}/371602001001/${code}`,
      status: 'active',
      parentCode: '371602001001',
      currentSince: '2021-01-01',
      parentBBox,
      ...more,
    },
  ] as const;
const places = new Map<string, BoundaryPlace>([
  grid('371602001001001', [0, 0, 10, 10]),
  grid('371602001001002', [0, 0, 10, 10], { currentSince: '2030-01-01' }),
  grid('371602001001003', [0, 0, 10, 10], { status: 'retired' }),
  grid('371602002001001', [10, 0, 20, 10], { path: '3716/371602/371602002/371602002001/371602002001001' }),
  ['37160200100100101001', { ...grid('x', null)[1], code: '37160200100100101001', level: 'building' }],
  [
    '371602001001',
    {
      ...grid('x', [0, 0, 20, 10])[1],
      code: '371602001001',
      level: 'community',
      path: `${A}/371602001001`,
      parentCode: '371602001',
    },
  ],
]);
const feature = (code: unknown, geometry: unknown = rect(1, 1, 4, 4)) => ({
  type: 'Feature',
  properties: { code },
  geometry,
});
const featureReasons = (features: unknown[]) =>
  checkBoundaryFeatures(features, {
    known: places,
    canWrite: ctx.canWrite,
    effectiveDate: '2026-01-01',
  }).problems.map((p) => [p.index, p.field, p.reason]);

describe('boundary features', () => {
  it('a known grid in scope with a polygon inside its community is redrawn', () => {
    const r = checkBoundaryFeatures([feature('371602001001001')], {
      known: places,
      canWrite: ctx.canWrite,
      effectiveDate: '2026-01-01',
    });
    expect(r.problems).toEqual([]);
    expect(r.redraws.map((x) => x.place.code)).toEqual(['371602001001001']);
  });

  it.each<[string, unknown[], [number, string, string][]]>([
    ['no code', [feature(undefined)], [[0, 'features[0].properties.code', 'code_missing']]],
    ['an unknown code', [feature('371602001001999')], [[0, 'features[0].properties.code', 'code_unknown']]],
    [
      'a code in another street, reported exactly like an unknown one',
      [feature('371602002001001', rect(11, 1, 12, 2))],
      [[0, 'features[0].properties.code', 'code_unknown']],
    ],
    [
      'a code in another street drawn outside its real parent, still only unknown',
      [feature('371602002001001', rect(1, 1, 2, 2))],
      [[0, 'features[0].properties.code', 'code_unknown']],
    ],
    ['a retired grid', [feature('371602001001003')], [[0, 'features[0].properties.code', 'code_retired']]],
    [
      'a building, which is a point',
      [feature('37160200100100101001')],
      [[0, 'features[0].properties.code', 'not_polygon_level']],
    ],
    [
      'a date before the version in force',
      [feature('371602001001002')],
      [[0, 'effectiveDate', 'effective_before_current']],
    ],
    [
      'a point instead of a polygon',
      [feature('371602001001001', { type: 'Point', coordinates: [1, 1] })],
      [[0, 'features[0].geometry', 'geometry_not_polygon']],
    ],
    [
      'an open ring',
      [
        feature('371602001001001', {
          type: 'Polygon',
          coordinates: [
            [
              [1, 1],
              [2, 1],
              [2, 2],
              [1, 2],
            ],
          ],
        }),
      ],
      [[0, 'features[0].geometry', 'ring_not_closed']],
    ],
    [
      'a grid reaching outside its community',
      [feature('371602001001001', rect(5, 5, 12, 8))],
      [[0, 'features[0].geometry', 'outside_parent']],
    ],
    [
      'the same code twice',
      [feature('371602001001001'), feature('371602001001001')],
      [[1, 'features[1].properties.code', 'code_duplicate']],
    ],
    [
      'something that is not a feature',
      [{ type: 'Polygon' }],
      [
        [0, 'features[0]', 'not_a_feature'],
        [0, 'features[0].properties.code', 'code_missing'],
        [0, 'features[0].geometry', 'geometry_not_polygon'],
      ],
    ],
  ])('%s is reported with its index', (_case, features, expected) => {
    expect(featureReasons(features)).toEqual(expected);
  });

  it('every bad feature is reported, and the good ones are not redrawn on their own', () => {
    const r = checkBoundaryFeatures([feature('371602001001001'), feature('1'), feature('371602001001999')], {
      known: places,
      canWrite: ctx.canWrite,
      effectiveDate: '2026-01-01',
    });
    expect(r.problems.map((p) => p.index)).toEqual([1, 2]);
    expect(r.redraws).toHaveLength(1);
  });

  it('a grid is judged by its community’s new outline when both are redrawn in one file', () => {
    const wider = [
      feature('371602001001', rect(0, 0, 15, 10)),
      feature('371602001001001', rect(8, 1, 14, 4)),
    ];
    expect(featureReasons(wider)).toEqual([]);
    expect(featureReasons([wider[1]])).toEqual([[0, 'features[0].geometry', 'outside_parent']]);
  });
});

describe('where an import is filed', () => {
  it.each([
    [['3716/371602/371602001/a', '3716/371602/371602001/b'], '3716/371602/371602001'],
    [['3716/371602/371602001', '3716/371602/371602001/x'], '3716/371602/371602001'],
    [['3716/371602/371602001', '3716/371602/371602002'], '3716/371602'],
    // Whole codes only: 371602001 and 3716020011 share characters, not a place.
    [['3716/371602001', '3716/3716020011'], '3716'],
    [['3716/371603'], '3716/371603'],
  ])('%j → %s', (paths, expected) => {
    expect(commonPath(paths)).toBe(expected);
  });
});
