import { createWorkingCalendar } from '../../lib/working-calendar';
import { type FieldProblem, fieldProblem } from '../../server/errors';
import type { SettingsPatch } from './demands.config.schemas';
import type { DemandSettings } from './demands.settings';

// What makes the demands settings valid. The three rates are the core of the assessment (Beijing
// 接诉即办条例 art. 32: 以响应率、解决率、满意率为核心内容); their weights make a composite only if
// each lies in [0, 1] and together they are 1. 基本满意 counts as a fraction of 满意, so its factor
// lies in [0, 1]. Working hours must make a working day (start before end, lunch inside); the
// warning windows are whole positive numbers.

const SUM_TOLERANCE = 1e-9;

/** Bounds of the whole-number settings: [min, max]. */
export const COUNT_BOUNDS = {
  dueSoonHours: [1, 200],
  whistleReportHours: [1, 200],
  duplicateRadiusMeters: [1, 10_000],
  duplicateWindowDays: [1, 365],
} as const satisfies Record<string, readonly [number, number]>;

/** The stored settings with the patch laid over them (rates merged field by field). */
export function mergeSettings(current: DemandSettings, patch: SettingsPatch): DemandSettings {
  return {
    ...current,
    ...(patch.workingHours ? { workingHours: patch.workingHours } : {}),
    rates: { ...current.rates, ...(patch.rates ?? {}) },
    ...Object.fromEntries(Object.entries(patch).filter(([k]) => k in COUNT_BOUNDS)),
  };
}

const inUnit = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;

/** Every problem of the merged settings, each naming its field (`rates.weights.response` …). */
export function settingsProblems(s: DemandSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const w = s.rates.weights;
  for (const key of ['response', 'resolution', 'satisfaction'] as const)
    if (!inUnit(w[key]))
      problems.push(
        fieldProblem(`rates.weights.${key}`, 'range', {
          zh: '权重须在 0 到 1 之间',
          en: 'A weight must lie between 0 and 1',
        }),
      );
  const sum = w.response + w.resolution + w.satisfaction;
  if (problems.length === 0 && Math.abs(sum - 1) > SUM_TOLERANCE)
    problems.push(
      fieldProblem('rates.weights', 'sum', {
        zh: `响应率、解决率、满意率的权重之和须为 1（现为 ${sum}）`,
        en: `The three weights must add up to 1 (they add up to ${sum})`,
      }),
    );
  if (!inUnit(s.rates.basicFactor))
    problems.push(
      fieldProblem('rates.basicFactor', 'range', {
        zh: '“基本满意”折算系数须在 0 到 1 之间',
        en: 'The factor for "basically satisfied" must lie between 0 and 1',
      }),
    );
  try {
    createWorkingCalendar({ holidays: [], makeupWorkdays: [], workingHours: s.workingHours });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problems.push(
      fieldProblem('workingHours', 'invalid', {
        zh: '工作时间有误：时间格式为 HH:MM，上班早于下班，午休须在工作时间之内',
        en: `Invalid working hours: ${error.message}`,
      }),
    );
  }
  for (const [key, [min, max]] of Object.entries(COUNT_BOUNDS)) {
    const value = s[key as keyof typeof COUNT_BOUNDS];
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push(
        fieldProblem(key, 'range', {
          zh: `须为 ${min} 到 ${max} 之间的整数`,
          en: `Must be a whole number from ${min} to ${max}`,
        }),
      );
  }
  return problems;
}
