import { z } from 'zod';
import { areaCodeSchema } from './people.schemas';
import {
  GENDERS,
  TALENT_AVAILABILITY,
  TALENT_CATEGORIES,
  TALENT_SKILLS,
  TALENT_WILLINGNESS,
} from './people.table';

// The talent ledger's API contract (人才台账). A talent is a resident with categories and skills.

/** The list's filters, shared with the export. */
export const talentFilterFields = {
  /** Talents living at or below this place. */
  areaCode: areaCodeSchema.optional(),
  category: z.enum(TALENT_CATEGORIES).optional(),
  skill: z.enum(TALENT_SKILLS).optional(),
  willingness: z.enum(TALENT_WILLINGNESS).optional(),
  availability: z.enum(TALENT_AVAILABILITY).optional(),
  name: z.string().trim().min(1).max(64).optional(),
};

export const talentListQuerySchema = z.strictObject({
  ...talentFilterFields,
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const tagFields = {
  categories: z.array(z.enum(TALENT_CATEGORIES)).min(1).max(TALENT_CATEGORIES.length),
  skills: z.array(z.enum(TALENT_SKILLS)).max(TALENT_SKILLS.length),
};

/** The resident by id, or by ID number (exact, through the blind index; in the body, never a URL). */
export const createTalentBodySchema = z.strictObject({
  residentId: z.string().min(1).max(64).optional(),
  idNumber: z.string().trim().min(1).max(32).optional(),
  categories: tagFields.categories,
  skills: tagFields.skills.default([]),
  willingness: z.enum(TALENT_WILLINGNESS),
  availability: z.enum(TALENT_AVAILABILITY),
  note: z.string().trim().max(500).nullish(),
});

export const updateTalentBodySchema = z.strictObject({
  categories: tagFields.categories.optional(),
  skills: tagFields.skills.optional(),
  willingness: z.enum(TALENT_WILLINGNESS).optional(),
  availability: z.enum(TALENT_AVAILABILITY).optional(),
  note: z.string().trim().max(500).nullish(),
});

export const talentViewSchema = z.object({
  id: z.string(),
  residentId: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  age: z.number().nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  householdCode: z.string().nullable(),
  path: z.string(),
  /** Street down to the unit, e.g. 市中街道 / 市中社区 / 第1网格 / 1号小区 / 1号楼 / 1单元. */
  address: z.string(),
  categories: z.array(z.enum(TALENT_CATEGORIES)),
  skills: z.array(z.enum(TALENT_SKILLS)),
  willingness: z.enum(TALENT_WILLINGNESS),
  availability: z.enum(TALENT_AVAILABILITY),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const talentListSchema = z.object({
  items: z.array(talentViewSchema),
  nextCursor: z.string().nullable(),
});

export const talentStatsQuerySchema = z.strictObject({
  /** The place whose children are counted; the caller's scope when absent. */
  area: areaCodeSchema.optional(),
});

const place = z.object({ code: z.string(), name: z.string(), level: z.string() });

/** Talents counted from the records: below a place, per child place, per category and skill. */
export const talentStatsSchema = z.object({
  area: place,
  total: z.number(),
  children: z.array(place.extend({ count: z.number() })),
  /** Talents registered at the place itself, below none of its children. */
  direct: z.number(),
  byCategory: z.record(z.enum(TALENT_CATEGORIES), z.number()),
  bySkill: z.record(z.enum(TALENT_SKILLS), z.number()),
});
