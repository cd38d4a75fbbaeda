// The demo city of Binzhou as rows, generated lazily: the city, its county-level units and every
// street and town first, then each community of each urban street with everything below it, one
// batch at a time, so that memory holds one community (about 3,000 rows) rather than the city
// (about 620,000).

import { bboxOf, type MultiPolygon, type Polygon, subdivideRectangle } from '../../lib/geo/index';
import { createRandom } from '../../lib/random';
import {
  CITY_CODE,
  districtKind,
  divisionValidFrom,
  isUrbanStreet,
  RETIRED_DIVISIONS,
  readDivisions,
  streetKind,
} from './city.divisions';
import { boxOfRectangle, CITY_SEAT, districtBox, NO_SHAPE, rectangleColumns } from './city.geometry';
import { demoId, demoIdSequence } from './city.ids';
import { binzhouLandline } from './city.names';
import { DEMO_EPOCH, type DemoCityOptions, planUrbanStreets, resolveOptions } from './city.plan';
import { type AreaInsert, areaRow, type DemoIds, versionRow } from './city.rows';
import { type DemoRows, urbanStreetRows } from './city.urban';

export interface DemoCityBatch extends DemoRows {
  /** Where the batch belongs, for progress messages: 'divisions' or a street's name. */
  label: string;
}

/** The id of the area change that records the demo load; every drawn version points at it. */
export function demoImportChangeId(options: DemoCityOptions = {}): string {
  const { seed, scale } = resolveOptions(options);
  return demoId(Date.UTC(2021, 0, 1), `change:import:${seed}:${scale}`);
}

/** Every row of the demo city's area tree, a batch at a time; the same options give the same rows. */
export function* generateDemoCity(options: DemoCityOptions = {}): Generator<DemoCityBatch> {
  const resolved = resolveOptions(options);
  const changeId = demoImportChangeId(options);
  const ids: DemoIds = {
    area: demoIdSequence('area'),
    version: demoIdSequence('version'),
    staff: demoIdSequence('staff'),
  };
  const divisions = readDivisions();
  const districts = divisions.filter((d) => d.level === 'district');
  const streets = divisions.filter((d) => d.level === 'street');
  const top: DemoCityBatch = { label: 'divisions', areas: [], areaVersions: [], gridStaff: [] };
  const version = (row: AreaInsert) =>
    top.areaVersions.push(versionRow(ids.version(row.code), row, DEMO_EPOCH, changeId));

  const city = divisions.find((d) => d.code === CITY_CODE)!;
  // The city is the union of its county-level units, which do not touch.
  const cityShape: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: districts.map((d) => rectangleColumns(districtBox(d.code)).polygon.coordinates),
  };
  const [minLng, minLat, maxLng, maxLat] = bboxOf(cityShape);
  top.areas.push(
    areaRow(
      ids.area(CITY_CODE),
      {
        code: CITY_CODE,
        parentCode: null,
        path: CITY_CODE,
        level: 'city',
        kind: '地级市',
        name: city.name,
        sortOrder: 0,
        attrs: '{}',
        validFrom: divisionValidFrom(CITY_CODE),
      },
      // A union's centroid may fall between its parts; the seat is where a label belongs.
      {
        boundary: JSON.stringify(cityShape),
        minLng,
        minLat,
        maxLng,
        maxLat,
        lng: CITY_SEAT[0],
        lat: CITY_SEAT[1],
      },
    ),
  );

  const streetPolygons = new Map<string, Polygon>();
  const supervisionPhones = new Map<string, string>();
  districts.forEach((district, d) => {
    const box = districtBox(district.code);
    const row = areaRow(
      ids.area(district.code),
      {
        code: district.code,
        parentCode: CITY_CODE,
        path: `${CITY_CODE}/${district.code}`,
        level: 'district',
        kind: districtKind(district.code),
        name: district.name,
        sortOrder: d,
        attrs: '{}',
        validFrom: divisionValidFrom(district.code),
      },
      rectangleColumns(box),
    );
    top.areas.push(row);
    version(row);
    const own = streets.filter((s) => s.parentCode === district.code);
    const cells = subdivideRectangle({
      bbox: box,
      count: own.length,
      random: createRandom(`${resolved.seed}:district:${district.code}`),
    });
    own.forEach((street, s) => {
      const shape = rectangleColumns(boxOfRectangle(cells[s]!));
      const phone = binzhouLandline(createRandom(`${resolved.seed}:supervision:${street.code}`));
      supervisionPhones.set(street.code, phone);
      streetPolygons.set(street.code, shape.polygon);
      const streetRow = areaRow(
        ids.area(street.code),
        {
          code: street.code,
          parentCode: district.code,
          path: `${row.path}/${street.code}`,
          level: 'street',
          kind: streetKind(street.code),
          name: street.name,
          sortOrder: s,
          attrs: JSON.stringify({ supervisionPhone: phone }),
          validFrom: DEMO_EPOCH,
        },
        shape,
      );
      top.areas.push(streetRow);
      version(streetRow);
    });
  });

  for (const retired of RETIRED_DIVISIONS) {
    top.areas.push({
      ...areaRow(
        ids.area(retired.code),
        { ...retired, sortOrder: 0, attrs: '{}', validFrom: retired.validFrom },
        NO_SHAPE,
      ),
      status: 'retired',
      validTo: retired.validTo,
      successorCode: retired.successorCode,
    });
  }
  yield top;

  const urban = streets.filter((s) => isUrbanStreet(s.code)).map((s) => s.code);
  const plan = planUrbanStreets(urban, resolved);
  const streetRows = new Map(top.areas.filter((a) => a.level === 'street').map((a) => [a.code, a]));
  for (const code of urban) {
    if (resolved.onlyStreets && !resolved.onlyStreets.has(code)) continue;
    const street = streetRows.get(code)!;
    const communities = urbanStreetRows({
      street,
      streetPolygon: streetPolygons.get(code)!,
      plan: plan.get(code)!,
      supervisionPhone: supervisionPhones.get(code)!,
      options: resolved,
      ids,
      changeId,
    });
    for (const rows of communities) yield { label: street.name, ...rows };
  }
}
