import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { locatePointInGeometry, type Polygon, type Position } from '../../lib/geo/index';
import { createRandom } from '../../lib/random';
import { buildingShapes } from './city.buildings';
import { generateDemoCity } from './city.generate';
import { districtBox } from './city.geometry';
import type { AreaInsert } from './city.rows';

function digest(options: Parameters<typeof generateDemoCity>[0]): string {
  const hash = createHash('sha256');
  for (const batch of generateDemoCity(options)) hash.update(JSON.stringify(batch));
  return hash.digest('hex');
}

function allAreas(options: Parameters<typeof generateDemoCity>[0]): AreaInsert[] {
  return [...generateDemoCity(options)].flatMap((batch) => batch.areas);
}

function inside(point: Position, area: AreaInsert): boolean {
  return locatePointInGeometry(point, JSON.parse(area.boundary!) as Polygon) === 'inside';
}

function withinBox(child: AreaInsert, parent: AreaInsert): boolean {
  return (
    child.minLng! >= parent.minLng! &&
    child.minLat! >= parent.minLat! &&
    child.maxLng! <= parent.maxLng! &&
    child.maxLat! <= parent.maxLat!
  );
}

describe('the generated demo city', () => {
  let areas: AreaInsert[];
  let byCode: Map<string, AreaInsert>;
  beforeAll(() => {
    areas = allAreas({});
    byCode = new Map(areas.map((area) => [area.code, area]));
  });
  const level = (name: AreaInsert['level']) => areas.filter((a) => a.level === name && a.status === 'active');

  it('is the same, row for row and id for id, every time it is generated with the same seed and scale', () => {
    expect(digest({ scale: 0.2 })).toBe(digest({ scale: 0.2 }));
  });

  it('is another city with another seed', () => {
    expect(digest({ scale: 0.1, seed: 'other' })).not.toBe(digest({ scale: 0.1 }));
  });

  it('gives every row its own id and code', () => {
    expect(new Set(areas.map((a) => a.id)).size).toBe(areas.length);
    expect(new Set(areas.map((a) => a.code)).size).toBe(areas.length);
  });

  it('keeps about 580,000 households at scale 1', () => {
    expect(level('household').length).toBeGreaterThan(540_000);
    expect(level('household').length).toBeLessThan(620_000);
  });

  it('draws the seven county-level units apart from each other', () => {
    const boxes = level('district').map((d) => districtBox(d.code));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1];
        expect(apart).toBe(true);
      }
    }
  });

  it('puts each street, community and grid within its parent, and each compound inside its grid', () => {
    for (const name of ['street', 'community', 'grid'] as const) {
      for (const child of level(name)) expect(withinBox(child, byCode.get(child.parentCode!)!)).toBe(true);
    }
    for (const compound of level('compound')) {
      const grid = byCode.get(compound.parentCode!)!;
      expect(inside([compound.lng!, compound.lat!], grid)).toBe(true);
      expect(withinBox(compound, grid)).toBe(true);
      expect(compound.minLng).toBeGreaterThan(grid.minLng!);
    }
  });

  it('stands every building inside its compound, and puts its units and households at its door', () => {
    for (const building of level('building')) {
      expect(inside([building.lng!, building.lat!], byCode.get(building.parentCode!)!)).toBe(true);
    }
    const away = level('household').filter((household) => {
      const building = byCode.get(byCode.get(household.parentCode!)!.parentCode!)!;
      return household.lng !== building.lng || household.lat !== building.lat;
    });
    expect(away).toEqual([]);
  });

  it("starts every household's path with its unit's path, and ends it with its own code", () => {
    // Counted rather than asserted row by row: 580,000 expect() calls take seconds.
    const misplaced = level('household').filter((household) => {
      const unit = byCode.get(household.parentCode!)!;
      return (
        household.path !== `${unit.path}/${household.code}` ||
        household.depth !== 8 ||
        !household.code.startsWith(unit.code)
      );
    });
    expect(misplaced).toEqual([]);
  });

  it('names communities and compounds once within a street', () => {
    const streetOf = (a: AreaInsert) => a.code.slice(0, 9);
    for (const name of ['community', 'compound'] as const) {
      const keys = level(name).map((a) => `${streetOf(a)}:${a.name}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('generates a street alone exactly as it is within the whole city', () => {
    const alone = allAreas({ onlyStreets: ['371602002'] }).filter((a) => a.code.startsWith('371602002'));
    const within = areas.filter((a) => a.code.startsWith('371602002'));
    expect(alone.map((a) => [a.code, a.name, a.boundary, a.attrs])).toEqual(
      within.map((a) => [a.code, a.name, a.boundary, a.attrs]),
    );
  });

  it('keeps retired codes without a boundary, pointing at their successors', () => {
    const retired = areas.filter((a) => a.status === 'retired');
    expect(retired.map((a) => [a.code, a.path, a.successorCode, a.validTo])).toEqual([
      ['3723', '3723', '3716', '2000-06-01'],
      ['372301', '3723/372301', '371602', '2000-06-01'],
      ['371626', '3716/371626', '371681', '2018-08-01'],
    ]);
    for (const a of retired) expect(a.boundary).toBeNull();
  });
});

describe('buildings of a compound', () => {
  it('hold exactly its households, walk-ups of 6 floors and towers of 11 to 26, the last one cut down', () => {
    const random = createRandom('buildings');
    for (const households of [1, 7, 35, 180, 613]) {
      for (const share of [0, 0.5, 1]) {
        const shapes = buildingShapes(random, households, share);
        expect(shapes.flatMap((s) => s.unitHouseholds).reduce((a, b) => a + b, 0)).toBe(households);
        for (const shape of shapes.slice(0, -1)) {
          expect(shape.floors === 6 || (shape.floors >= 11 && shape.floors <= 26)).toBe(true);
          for (const n of shape.unitHouseholds) expect(n).toBe(shape.floors * shape.perFloor);
        }
        const last = shapes.at(-1)!;
        for (const n of last.unitHouseholds) expect(n).toBeLessThanOrEqual(last.floors * last.perFloor);
      }
    }
  });
});
