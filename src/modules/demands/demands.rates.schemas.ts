import { z } from 'zod';
import { RATE_FIGURES } from './demands.rates.figures';
import { areaCodeSchema, demandListItemSchema, responsibleKindSchema } from './demands.schemas';

// The contract of the three rates (三率), their drill-down, the monthly ranking and the trend.

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD (China time)');
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM (China time)');

/** How the rows under the total are grouped. */
export const RATE_GROUPINGS = [
  'children',
  'grid',
  'community',
  'street',
  'district',
  'property_company',
  'handler',
  'responsible',
] as const;
export type RateGrouping = (typeof RATE_GROUPINGS)[number];

export const RANKING_LEVELS = ['community', 'street', 'grid', 'property_company'] as const;
export type RankingLevel = (typeof RANKING_LEVELS)[number];

export const rateFigureSchema = z.enum(RATE_FIGURES);

export const ratesQuerySchema = z.strictObject({
  /** The place; the caller's scope when omitted. */
  areaCode: areaCodeSchema.optional(),
  /** First day received, China time; the first of the current month when omitted. */
  from: daySchema.optional(),
  /** Last day received (inclusive), China time; today when omitted. */
  to: daySchema.optional(),
  by: z.enum(RATE_GROUPINGS).default('children'),
});
export type RatesQuery = z.infer<typeof ratesQuerySchema>;

export const rateDemandsQuerySchema = ratesQuerySchema.extend({
  figure: rateFigureSchema.default('demands'),
  /** A row's key on the rates page (with the same `by`); the total when omitted. */
  groupKey: z.string().min(1).max(140).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type RateDemandsQuery = z.infer<typeof rateDemandsQuerySchema>;

export const rankingQuerySchema = z.strictObject({
  /** The China month ranked; the current month when omitted. */
  month: monthSchema.optional(),
  level: z.enum(RANKING_LEVELS).default('community'),
  /** The place whose communities (streets, grids, property companies) are ranked; the caller's scope when omitted. */
  areaCode: areaCodeSchema.optional(),
});
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

export const trendQuerySchema = z.strictObject({
  areaCode: areaCodeSchema.optional(),
  months: z.coerce.number().int().min(1).max(36).default(12),
});
export type TrendQuery = z.infer<typeof trendQuerySchema>;

/** The counts and rates of demands.rates.ts `computeRates` (rates 0..1, null when the denominator is 0). */
export const rateFiguresSchema = z.object({
  demands: z.number().int(),
  denominator: z.number().int(),
  responded: z.number().int(),
  resolved: z.number().int(),
  satisfied: z.number().int(),
  basic: z.number().int(),
  unsatisfied: z.number().int(),
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  composite: z.number().nullable(),
});

export const rateSettingsSchema = z.object({
  weights: z.object({ response: z.number(), resolution: z.number(), satisfaction: z.number() }),
  basicFactor: z.number(),
  denominator: z.enum(['callback', 'closed']),
});

export const placeSchema = z.object({ code: z.string(), name: z.string(), level: z.string() });
export const periodSchema = z.object({ from: z.string(), to: z.string() });

export const rateRowSchema = z.object({
  /** An area code, a handling unit id, a user id, or `kind:ref` for `by=responsible`. */
  key: z.string(),
  name: z.string(),
  /** The area level, for rows that are places. */
  level: z.string().optional(),
  /** The responsible kind, for `by=responsible`. */
  kind: responsibleKindSchema.optional(),
  /**
   * `by=children` only: the demands placed at the place itself and not at any child (a demand
   * located only to a community, say). Its key is the place's own code.
   */
  direct: z.boolean().optional(),
  figures: rateFiguresSchema,
});
export type RateRowView = z.infer<typeof rateRowSchema>;

export const ratesSchema = z.object({
  place: placeSchema.nullable(),
  period: periodSchema,
  settings: rateSettingsSchema,
  by: z.enum(RATE_GROUPINGS),
  total: rateFiguresSchema,
  rows: z.array(rateRowSchema),
});
export type RatesView = z.infer<typeof ratesSchema>;

/** The demands behind a figure: the inbox's list items, newest received first. */
export const rateDemandsSchema = z.object({
  figure: rateFigureSchema,
  period: periodSchema,
  items: z.array(demandListItemSchema),
  /** Pass back as `cursor` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type RateDemandsView = z.infer<typeof rateDemandsSchema>;

export const rankingRowSchema = z.object({
  /** 1, 2, 3 …; null for places with an empty denominator (listed last). */
  rank: z.number().int().nullable(),
  key: z.string(),
  name: z.string(),
  /** The place above (the street of a community …), for reading; null for property companies. */
  parentName: z.string().nullable(),
  figures: rateFiguresSchema,
  previousRank: z.number().int().nullable(),
  /** Places moved up since last month (previous rank − rank); null when either month is unranked. */
  change: z.number().int().nullable(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

export const rankingSchema = z.object({
  month: z.string(),
  level: z.enum(RANKING_LEVELS),
  place: placeSchema.nullable(),
  period: periodSchema,
  settings: rateSettingsSchema,
  /** The bar the issue holds property companies to: each rate at least this (95%). */
  target: z.number(),
  rows: z.array(rankingRowSchema),
});
export type RankingView = z.infer<typeof rankingSchema>;

export const trendSchema = z.object({
  place: placeSchema.nullable(),
  settings: rateSettingsSchema,
  months: z.array(z.object({ month: z.string(), period: periodSchema, figures: rateFiguresSchema })),
});
export type TrendView = z.infer<typeof trendSchema>;
