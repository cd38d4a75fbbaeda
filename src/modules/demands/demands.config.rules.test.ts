import { describe, expect, it } from 'vitest';
import { mergeSettings, settingsProblems } from './demands.config.rules';
import { DEFAULT_DEMAND_SETTINGS, type DemandSettings } from './demands.settings';

// Beijing 接诉即办条例 art. 32: the three rates are the core of the assessment; their weights make a
// composite only when each is in [0, 1] and they add up to 1.

const fields = (s: DemandSettings) => settingsProblems(s).map((p) => `${p.field}:${p.reason}`);
const withRates = (rates: Partial<DemandSettings['rates']>) =>
  mergeSettings(DEFAULT_DEMAND_SETTINGS, { rates });
const w = (response: number, resolution: number, satisfaction: number) =>
  withRates({ weights: { response, resolution, satisfaction } });

describe('settingsProblems: weights', () => {
  it.each([
    ['the defaults 0.1 / 0.5 / 0.4', w(0.1, 0.5, 0.4), []],
    ['0.1 + 0.2 + 0.7 (0.9999999999999999 in floating point)', w(0.1, 0.2, 0.7), []],
    ['all on satisfaction', w(0, 0, 1), []],
    ['off by 5e-10', w(0.1, 0.5, 0.4 + 5e-10), []],
    ['off by 2e-9', w(0.1, 0.5, 0.4 + 2e-9), ['rates.weights:sum']],
    ['summing to 0.9', w(0.1, 0.4, 0.4), ['rates.weights:sum']],
    [
      'a weight above 1',
      w(1.5, -0.25, -0.25),
      ['rates.weights.response:range', 'rates.weights.resolution:range', 'rates.weights.satisfaction:range'],
    ],
    ['a weight below 0', w(-0.1, 0.6, 0.5), ['rates.weights.response:range']],
  ])('%s', (_label, s, expected) => expect(fields(s)).toEqual(expected));
});

describe('settingsProblems: 基本满意 factor, denominator, hours, windows', () => {
  it.each([
    ['factor 0', withRates({ basicFactor: 0 }), []],
    ['factor 1', withRates({ basicFactor: 1 }), []],
    ['factor 1.0001', withRates({ basicFactor: 1.0001 }), ['rates.basicFactor:range']],
    ['factor -0.0001', withRates({ basicFactor: -0.0001 }), ['rates.basicFactor:range']],
    ['denominator closed', withRates({ denominator: 'closed' }), []],
  ] as const)('%s', (_label, s, expected) => expect(fields(s)).toEqual(expected));

  it.each([
    [{ start: '08:30', end: '17:30', lunch: { start: '12:00', end: '13:30' } }, []],
    [{ start: '17:00', end: '09:00' }, ['workingHours:invalid']],
    [{ start: '09:00', end: '09:00' }, ['workingHours:invalid']],
    [{ start: '24:00', end: '25:00' }, ['workingHours:invalid']],
    [{ start: '09:00', end: '17:00', lunch: { start: '08:00', end: '13:00' } }, ['workingHours:invalid']],
  ])('working hours %j → %j', (workingHours, expected) =>
    expect(fields(mergeSettings(DEFAULT_DEMAND_SETTINGS, { workingHours }))).toEqual(expected),
  );

  it.each([
    ['dueSoonHours', 1, []],
    ['dueSoonHours', 200, []],
    ['dueSoonHours', 0, ['dueSoonHours:range']],
    ['dueSoonHours', 201, ['dueSoonHours:range']],
    ['dueSoonHours', 2.5, ['dueSoonHours:range']],
    ['whistleReportHours', 0, ['whistleReportHours:range']],
    ['duplicateRadiusMeters', 10_000, []],
    ['duplicateRadiusMeters', 10_001, ['duplicateRadiusMeters:range']],
    ['duplicateWindowDays', 365, []],
    ['duplicateWindowDays', -1, ['duplicateWindowDays:range']],
  ])('%s = %f → %j', (key, value, expected) =>
    expect(fields(mergeSettings(DEFAULT_DEMAND_SETTINGS, { [key]: value }))).toEqual(expected),
  );
});

describe('mergeSettings', () => {
  it('keeps what the patch leaves out, rates field by field', () => {
    const merged = mergeSettings(DEFAULT_DEMAND_SETTINGS, { rates: { basicFactor: 0.8 }, dueSoonHours: 4 });
    expect(merged.rates).toEqual({ ...DEFAULT_DEMAND_SETTINGS.rates, basicFactor: 0.8 });
    expect(merged.dueSoonHours).toBe(4);
    expect(merged.workingHours).toEqual(DEFAULT_DEMAND_SETTINGS.workingHours);
  });
});
