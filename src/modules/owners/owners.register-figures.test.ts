import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDecimalString } from '../../lib/rational';
import { addDays, addYears } from './owners.dates';
import { type RegisterUnit, registerFigures, unitArea } from './owners.register-figures';

const TODAY = '2026-06-30';
let n = 0;
function unit(opts: Partial<RegisterUnit> & { area?: string } = {}): RegisterUnit {
  n += 1;
  return {
    id: `u${n}`,
    registeredArea: opts.area ?? '100',
    surveyedArea: null,
    contractArea: null,
    deliveredOn: opts.deliveredOn === undefined ? '2025-01-01' : opts.deliveredOn,
    developerUnsold: opts.developerUnsold ?? false,
    ownerIds: opts.ownerIds ?? [`o${n}`],
    ...(opts.registeredArea !== undefined ? { registeredArea: opts.registeredArea } : {}),
    ...(opts.surveyedArea !== undefined ? { surveyedArea: opts.surveyedArea } : {}),
    ...(opts.contractArea !== undefined ? { contractArea: opts.contractArea } : {}),
  };
}

describe('the area of a unit (SPC interpretation art. 8)', () => {
  it('takes the register area, else the surveyed, else the contract area', () => {
    expect(
      toDecimalString(unitArea({ registeredArea: '90.5', surveyedArea: '91', contractArea: '92' })),
    ).toBe('90.50');
    expect(toDecimalString(unitArea({ registeredArea: null, surveyedArea: '91', contractArea: '92' }))).toBe(
      '91.00',
    );
    expect(toDecimalString(unitArea({ registeredArea: null, surveyedArea: null, contractArea: '92' }))).toBe(
      '92.00',
    );
  });
});

describe('register figures', () => {
  it('count one owner of two units once, co-owners once, and the developer’s units as one person', () => {
    const figures = registerFigures(
      [
        unit({ ownerIds: ['a'] }),
        unit({ ownerIds: ['a'] }),
        unit({ ownerIds: ['b', 'c'] }),
        unit({ ownerIds: [], developerUnsold: true, deliveredOn: null }),
        unit({ ownerIds: [], developerUnsold: true, deliveredOn: null, area: '0.0001' }),
      ],
      TODAY,
    );
    expect(figures).toMatchObject({ units: 5, headcount: 3, deliveredUnits: 3 });
    expect(toDecimalString(figures.totalArea, 4)).toBe('400.0001');
    expect(toDecimalString(figures.deliveredArea, 4)).toBe('300.0000');
  });

  it('counts a unit sold but not yet delivered with the developer (SPC art. 9)', () => {
    const figures = registerFigures(
      [
        unit({ ownerIds: ['a'] }),
        unit({ ownerIds: ['b'], deliveredOn: null }),
        unit({ ownerIds: [], developerUnsold: true, deliveredOn: null }),
      ],
      TODAY,
    );
    expect(figures.headcount).toBe(2);
    expect(figures.deliveredUnits).toBe(1);
  });

  it('a delivery dated after today is not a delivery yet', () => {
    const figures = registerFigures([unit({ deliveredOn: '2026-07-01' }), unit()], TODAY);
    expect(figures.deliveredUnits).toBe(1);
  });

  it('an empty register has no trigger state', () => {
    expect(registerFigures([], TODAY)).toMatchObject({
      units: 0,
      headcount: 0,
      trigger: null,
      triggeredSince: null,
    });
  });

  it('is triggered once half of the units are delivered (art. 20(一)(二)), from that delivery day', () => {
    const units = [
      unit({ deliveredOn: '2026-01-10' }),
      unit({ deliveredOn: '2026-03-05' }),
      unit({ deliveredOn: null, ownerIds: [], developerUnsold: true }),
      unit({ deliveredOn: null, ownerIds: [], developerUnsold: true }),
    ];
    const figures = registerFigures(units, TODAY);
    expect(figures.trigger?.conditions).toEqual(['delivered_area_half', 'delivered_owners_half']);
    expect(figures.triggeredSince).toBe('2026-03-05');
    expect(registerFigures(units, '2026-03-04').trigger?.triggered).toBe(false);
  });

  it('is triggered two full years after the first delivery with a quarter delivered (art. 20(三))', () => {
    const units = [
      unit({ deliveredOn: '2024-06-30' }),
      ...Array.from({ length: 3 }, () => unit({ deliveredOn: null, ownerIds: [], developerUnsold: true })),
    ];
    expect(registerFigures(units, '2026-06-30').trigger?.triggered).toBe(false);
    const figures = registerFigures(units, '2026-07-01');
    expect(figures.trigger?.conditions).toEqual(['two_years_and_quarter_owners']);
    expect(figures.triggeredSince).toBe('2026-07-01');
  });

  it('is triggered on a day exactly when the day is on or after the day it names (property)', () => {
    const day = fc.integer({ min: 0, max: 1500 }).map((d) => addDays('2022-01-01', d));
    const units = fc.array(
      fc.record({ delivered: fc.option(day, { nil: null }), area: fc.integer({ min: 1, max: 300 }) }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(units, day, (spec, today) => {
        const register = spec.map((s, i) =>
          unit({
            area: String(s.area),
            deliveredOn: s.delivered,
            ownerIds: s.delivered ? [`p${i}`] : [],
            developerUnsold: !s.delivered,
          }),
        );
        const figures = registerFigures(register, today);
        const since = figures.triggeredSince;
        expect(figures.trigger?.triggered).toBe(since !== null);
        if (since) {
          expect(registerFigures(register, since).trigger?.triggered).toBe(true);
          expect(registerFigures(register, addDays(since, -1)).trigger?.triggered).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reports when two years since the first delivery are complete', () => {
    const figures = registerFigures([unit({ deliveredOn: '2024-02-29' })], TODAY);
    expect(figures.trigger?.twoYearsCompleteFrom).toBe(addDays(addYears('2024-02-29', 2), 1));
  });
});
