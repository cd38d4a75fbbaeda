// One urban street (街道) of the demo city, from its residents' committees (居委会) down to every
// household, in depth-first order: codes and paths then ascend, so each index is appended to.

import { type Polygon, subdivideCell, subdivideRectangle } from '../../lib/geo/index';
import { createRandom, type Random } from '../../lib/random';
import { buildingRows, buildingShapes } from './city.buildings';
import { boxOfRectangle, rectangleColumns, shrinkBox } from './city.geometry';
import {
  binzhouLandline,
  chineseNumeral,
  communityNames,
  compoundNames,
  mobileNumber,
  personName,
  scatteredNames,
} from './city.names';
import { apportion, DEMO_EPOCH, gridHouseholds, type ResolvedDemoCityOptions } from './city.plan';
import {
  type AreaInsert,
  type AreaVersionInsert,
  areaRow,
  type DemoIds,
  type GridStaffInsert,
  pad,
  staffRow,
  versionRow,
} from './city.rows';

export interface UrbanStreetInput {
  street: AreaInsert;
  streetPolygon: Polygon;
  /** Per community, per grid: how many compounds. */
  plan: number[][];
  supervisionPhone: string;
  options: ResolvedDemoCityOptions;
  ids: DemoIds;
  changeId: string;
}

export interface DemoRows {
  areas: AreaInsert[];
  areaVersions: AreaVersionInsert[];
  gridStaff: GridStaffInsert[];
}

/** Compounds are drawn inset in their grid, and from each other, leaving room for streets. */
const INSET = 0.9;
const SCATTERED_SHARE = 0.15;
const PART_TIME_SHARE = 0.4;

/**
 * The street's communities and everything below them, one community at a time: small batches
 * are inserted while their rows are young, which keeps the garbage collector's work small.
 */
export function* urbanStreetRows(input: UrbanStreetInput): Generator<DemoRows> {
  const { street, options, ids, changeId } = input;
  const random = createRandom(`${options.seed}:street:${street.code}`);
  const names = {
    community: communityNames(random),
    compound: compoundNames(random),
    scattered: scatteredNames(random),
  };
  let out: DemoRows = { areas: [], areaVersions: [], gridStaff: [] };
  const place = (row: AreaInsert, polygonal: boolean): AreaInsert => {
    out.areas.push(row);
    if (polygonal) out.areaVersions.push(versionRow(ids.version(row.code), row, DEMO_EPOCH, changeId));
    return row;
  };

  const communityCells = input.plan.length > 0 ? cells(input.streetPolygon, input.plan.length, random) : [];
  for (const [c, compoundsPerGrid] of input.plan.entries()) {
    const code = `${street.code}${pad(c + 1, 3)}`;
    const shape = rectangleColumns(boxOfRectangle(communityCells[c]!));
    const community = place(
      areaRow(
        ids.area(code),
        {
          code,
          parentCode: street.code,
          path: `${street.path}/${code}`,
          level: 'community',
          kind: '居委会',
          name: names.community(),
          sortOrder: c,
          attrs: JSON.stringify({ officePhone: binzhouLandline(random) }),
          validFrom: DEMO_EPOCH,
        },
        shape,
      ),
      true,
    );
    const gridCells = cells(shape.polygon, compoundsPerGrid.length, random);
    compoundsPerGrid.forEach((compoundCount, g) => {
      const gridCode = `${code}${pad(g + 1, 3)}`;
      const gridBox = boxOfRectangle(gridCells[g]!);
      const grid = place(
        areaRow(
          ids.area(gridCode),
          {
            code: gridCode,
            parentCode: code,
            path: `${community.path}/${gridCode}`,
            level: 'grid',
            kind: null,
            name: `第${chineseNumeral(g + 1)}网格`,
            sortOrder: g,
            attrs: JSON.stringify({ supervisionPhone: input.supervisionPhone }),
            validFrom: DEMO_EPOCH,
          },
          rectangleColumns(gridBox),
        ),
        true,
      );
      out.gridStaff.push(
        staffRow(ids.staff(`${gridCode}:0`), grid, {
          name: personName(random),
          duty: 'full_time',
          workPhone: mobileNumber(random),
          sortOrder: 0,
        }),
      );
      if (random.next() < PART_TIME_SHARE) {
        out.gridStaff.push(
          staffRow(ids.staff(`${gridCode}:1`), grid, {
            name: personName(random),
            duty: 'part_time',
            workPhone: mobileNumber(random),
            sortOrder: 1,
          }),
        );
      }
      const households = gridHouseholds(random, options.gridHouseholdBand);
      const compoundBoxes = subdivideRectangle({
        bbox: shrinkBox(gridBox, INSET),
        count: compoundCount,
        random,
      }).map((cell) => shrinkBox(boxOfRectangle(cell), INSET));
      const perCompound = apportion(
        households,
        compoundBoxes.map(() => random.float(0.5, 1.5)),
        households >= compoundCount ? 1 : 0,
      );
      compoundBoxes.forEach((box, k) => {
        const compoundCode = `${gridCode}${pad(k + 1, 2)}`;
        const scattered = random.next() < SCATTERED_SHARE;
        const compound = place(
          areaRow(
            ids.area(compoundCode),
            {
              code: compoundCode,
              parentCode: gridCode,
              path: `${grid.path}/${compoundCode}`,
              level: 'compound',
              kind: scattered ? '散居楼院' : '小区',
              name: scattered ? names.scattered() : names.compound(),
              sortOrder: k,
              attrs: '{}',
              validFrom: DEMO_EPOCH,
            },
            rectangleColumns(box),
          ),
          true,
        );
        // Old scattered courtyards are walk-ups; a compound is all walk-ups, all towers, or mixed.
        const highRiseShare = scattered ? 0 : random.pick([0, 0.3, 0.7, 1]);
        buildingRows(out.areas, ids, compound, box, buildingShapes(random, perCompound[k]!, highRiseShare));
      });
    });
    yield out;
    out = { areas: [], areaVersions: [], gridStaff: [] };
  }
}

function cells(polygon: Polygon, count: number, random: Random): Polygon[] {
  return subdivideCell({ cell: polygon, count, random });
}
