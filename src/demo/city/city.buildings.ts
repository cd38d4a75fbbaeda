// The buildings (楼), units (单元) and households (户) of one compound.

import type { BBox } from '../../lib/geo/index';
import type { Random } from '../../lib/random';
import { latticePoints, NO_SHAPE, type ShapeColumns } from './city.geometry';
import { apportion, DEMO_EPOCH } from './city.plan';
import { type AreaInsert, areaRow, type DemoIds, pad } from './city.rows';

export interface BuildingShape {
  floors: number;
  /** Households of each unit (单元), bottom floor first. */
  unitHouseholds: number[];
  perFloor: number;
}

/**
 * Buildings holding exactly `households`: walk-ups (6 floors, 2–3 units, 2 flats a floor) and
 * towers (11–26 floors, 1–2 units, 2–4 flats a floor). The last one is cut down to what is
 * left: fewer units, then fewer floors, its flats shared evenly among its units.
 */
export function buildingShapes(random: Random, households: number, highRiseShare: number): BuildingShape[] {
  const shapes: BuildingShape[] = [];
  let left = households;
  while (left > 0) {
    const tower = random.next() < highRiseShare;
    let floors = tower ? random.int(11, 26) : 6;
    let units = tower ? random.int(1, 2) : random.int(2, 3);
    const perFloor = tower ? random.int(2, 4) : 2;
    let total = floors * units * perFloor;
    if (total > left) {
      units = Math.min(units, Math.ceil(left / (floors * perFloor)));
      floors = Math.ceil(left / (units * perFloor));
      total = left;
    }
    const unitHouseholds = apportion(total, new Array<number>(units).fill(1));
    floors = Math.ceil(unitHouseholds[0]! / perFloor);
    shapes.push({ floors, unitHouseholds, perFloor });
    left -= total;
  }
  return shapes;
}

/** Appends the compound's buildings, each followed by its units, each followed by its households. */
export function buildingRows(
  out: AreaInsert[],
  ids: DemoIds,
  compound: AreaInsert,
  box: BBox,
  shapes: BuildingShape[],
) {
  const points = latticePoints(box, shapes.length);
  shapes.forEach((shape, b) => {
    const [lng, lat] = points[b]!;
    const at: ShapeColumns = { ...NO_SHAPE, lng, lat };
    const code = `${compound.code}${pad(b + 1, 3)}`;
    const building = areaRow(
      ids.area(code),
      {
        code,
        parentCode: compound.code,
        path: `${compound.path}/${code}`,
        level: 'building',
        kind: null,
        name: `${b + 1}号楼`,
        sortOrder: b,
        attrs: `{"floors":${shape.floors},"units":${shape.unitHouseholds.length}}`,
        validFrom: DEMO_EPOCH,
      },
      at,
    );
    out.push(building);
    shape.unitHouseholds.forEach((count, u) => {
      const unitCode = `${code}${pad(u + 1, 2)}`;
      const unitPath = `${building.path}/${unitCode}`;
      const unitLabel = `${b + 1}号楼${u + 1}单元`;
      out.push(
        areaRow(
          ids.area(unitCode),
          {
            code: unitCode,
            parentCode: code,
            path: unitPath,
            level: 'unit',
            kind: null,
            name: `${u + 1}单元`,
            sortOrder: u,
            attrs: '{}',
            validFrom: DEMO_EPOCH,
          },
          at,
        ),
      );
      for (let h = 0; h < count; h++) {
        const floor = Math.floor(h / shape.perFloor) + 1;
        const room = (h % shape.perFloor) + 1;
        const door = `${pad(floor, 2)}${pad(room, 2)}`;
        const householdCode = `${unitCode}${door}`;
        out.push(
          areaRow(
            ids.area(householdCode),
            {
              code: householdCode,
              parentCode: unitCode,
              path: `${unitPath}/${householdCode}`,
              level: 'household',
              kind: null,
              name: `${unitLabel}${door}室`,
              sortOrder: h,
              attrs: `{"floor":${floor},"room":${room}}`,
              validFrom: DEMO_EPOCH,
            },
            at,
          ),
        );
      }
    });
  });
}
