import { z } from 'zod';
import {
  categoryAttributeSchema,
  categoryViewSchema,
  limitUnitSchema,
  responsibleKindSchema,
} from './demands.schemas';

// The catalogue API contract (诉求分类目录): list and read for everyone who files or reads demands,
// create, rename and new versions of limits for city admins. Ranges beyond the shape (limit ≥ 1,
// first contact within the handling limit, a department named) are checked in
// demands.catalogue.rules.ts so that each error names its field in both languages.

export const categoryListQuerySchema = z.strictObject({
  /** `true`: inactive categories too (the admin page). */
  all: z.enum(['true', 'false']).optional(),
});

export const categoryCodeParamsSchema = z.strictObject({ code: z.string().min(1).max(64) });

/** The terms a version fixes: limits, routing, Open311 attributes. */
export const versionTermsSchema = z.strictObject({
  handleLimit: z.number().int(),
  handleUnit: limitUnitSchema,
  /** Working hours to the first contact with the resident (Beijing art. 15(1)). */
  firstContactHours: z.number().int(),
  defaultParty: responsibleKindSchema,
  /** Required when the default party is a department: 城市管理局, 生态环境局 … */
  departmentName: z.string().trim().max(100).nullish(),
  attributes: z.array(categoryAttributeSchema).max(20).default([]),
  /** Why the terms changed (kept with the version). */
  note: z.string().trim().max(500).nullish(),
});
export type VersionTermsBody = z.infer<typeof versionTermsSchema>;

const names = {
  nameZh: z.string().trim().min(1).max(50),
  nameEn: z.string().trim().min(1).max(100),
  /** The GB/T 30428 event class, as printed: 市容环境, 宣传广告, 施工管理, 突发事件, 街面秩序 … */
  eventClass: z.string().trim().max(50).nullish(),
  sortOrder: z.number().int().min(0).max(100_000),
};

export const createCategoryBodySchema = versionTermsSchema.extend({
  code: z.string().min(1).max(64),
  parentCode: z.string().min(1).max(64).nullish(),
  ...names,
  sortOrder: names.sortOrder.optional(),
  active: z.boolean().default(true),
});
export type CreateCategoryBody = z.infer<typeof createCategoryBodySchema>;

/** Names, order and whether it is offered: no new version (a demand's limits are unchanged). */
export const patchCategoryBodySchema = z.strictObject({
  nameZh: names.nameZh.optional(),
  nameEn: names.nameEn.optional(),
  eventClass: names.eventClass,
  sortOrder: names.sortOrder.optional(),
  active: z.boolean().optional(),
});
export type PatchCategoryBody = z.infer<typeof patchCategoryBodySchema>;

export const categoryVersionViewSchema = z.object({
  version: z.number().int(),
  validFrom: z.string(),
  handleLimit: z.number().int(),
  handleUnit: limitUnitSchema,
  firstContactHours: z.number().int(),
  defaultParty: responsibleKindSchema,
  departmentName: z.string().nullable(),
  attributes: z.array(categoryAttributeSchema),
  note: z.string().nullable(),
});
export type CategoryVersionView = z.infer<typeof categoryVersionViewSchema>;

/** A category with its current terms and every version, newest first. */
export const categoryDetailSchema = categoryViewSchema.extend({
  versions: z.array(categoryVersionViewSchema),
});
export type CategoryDetail = z.infer<typeof categoryDetailSchema>;

export const categoryListSchema = z.object({ items: z.array(categoryViewSchema) });
