import { z } from 'zod';
import { workingHoursSchema } from './demands.calendar.schemas';

// The demands settings API (诉求设置): weights of the three rates and of 基本满意, which demands form
// the denominator, working hours, warning windows and the duplicate search. Ranges (weights in
// [0, 1] summing to 1, positive whole hours …) are checked in demands.config.rules.ts so that each
// error names its field in both languages.

const weightsSchema = z.strictObject({
  response: z.number(),
  resolution: z.number(),
  satisfaction: z.number(),
});
const denominatorSchema = z.enum(['callback', 'closed']);

export const demandSettingsSchema = z.object({
  workingHours: workingHoursSchema,
  rates: z.object({ weights: weightsSchema, basicFactor: z.number(), denominator: denominatorSchema }),
  dueSoonHours: z.number(),
  whistleReportHours: z.number(),
  duplicateRadiusMeters: z.number(),
  duplicateWindowDays: z.number(),
});

/** Any subset of the settings; `rates` may itself be partial, but its weights come as all three. */
export const settingsPatchSchema = z.strictObject({
  workingHours: workingHoursSchema.optional(),
  rates: z
    .strictObject({
      weights: weightsSchema.optional(),
      basicFactor: z.number().optional(),
      denominator: denominatorSchema.optional(),
    })
    .optional(),
  dueSoonHours: z.number().optional(),
  whistleReportHours: z.number().optional(),
  duplicateRadiusMeters: z.number().optional(),
  duplicateWindowDays: z.number().optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
