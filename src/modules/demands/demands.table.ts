import type { Selectable } from 'kysely';

/**
 * The states of a demand (接诉即办 workflow), in order. `declined` (不予立案) and `merged` (并入另一
 * 诉求) end a demand early; `rated` (回访已评价) is the end of the normal path.
 */
export const DEMAND_STATUSES = [
  'received', // 受理
  'registered', // 立案
  'declined', // 不予立案
  'dispatched', // 派遣
  'in_hand', // 处置
  'replied', // 反馈
  'verified', // 核查通过
  'closed', // 结案
  'rated', // 回访已评价
  'merged', // 已合并
] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

/** Where a demand came in: a resident's phone, a grid worker on patrol, the hotline, Open311. */
export const DEMAND_CHANNELS = ['mobile', 'patrol', 'hotline', 'open311'] as const;
export type DemandChannel = (typeof DEMAND_CHANNELS)[number];

/** Raised by a resident (诉求) or found by a worker on patrol with nobody reporting it (巡查发现). */
export const DEMAND_ORIGINS = ['resident', 'found'] as const;
export type DemandOrigin = (typeof DEMAND_ORIGINS)[number];

/** Who can be made responsible: the grid, the compound's property company or owners' committee, … */
export const RESPONSIBLE_KINDS = [
  'grid',
  'property_company',
  'owners_committee',
  'community',
  'street',
  'cobuild_unit',
  'department',
] as const;
export type ResponsibleKind = (typeof RESPONSIBLE_KINDS)[number];

/** Handling units other than areas. */
export const HANDLING_UNIT_KINDS = ['property_company', 'department', 'cobuild_unit'] as const;
export type HandlingUnitKind = (typeof HANDLING_UNIT_KINDS)[number];

/** 满意 / 基本满意 / 不满意 */
export const RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** A handling limit in working hours, working days or natural days (working-calendar.ts). */
export const LIMIT_UNITS = ['working_hours', 'working_days', 'calendar_days'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;

export interface DemandCategoriesTable {
  /** e.g. `property.repair`; a sub-category's code starts with its parent's and a dot. */
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  /** The GB/T 30428 event class it falls under, as printed (e.g. 市容环境, 部件-公用设施). */
  eventClass: string | null;
  sortOrder: number;
  active: number;
  currentVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface DemandCategoryVersionsTable {
  id: string;
  categoryCode: string;
  version: number;
  handleLimit: number;
  handleUnit: LimitUnit;
  /** First contact with the resident within this many working hours (Beijing art. 15(1)). */
  firstContactHours: number;
  defaultParty: ResponsibleKind;
  departmentName: string | null;
  /** JSON: Open311 service-definition attributes asked on intake. */
  attributes: string;
  validFrom: string;
  createdBy: string;
  note: string | null;
}

export interface WorkCalendarDaysTable {
  date: string;
  kind: (typeof CALENDAR_DAY_KINDS)[number];
  name: string;
  updatedBy: string;
  updatedAt: string;
}

export interface DemandSettingsTable {
  key: string;
  /** JSON text. */
  value: string;
  updatedBy: string;
  updatedAt: string;
}

export interface HandlingUnitsTable {
  id: string;
  kind: HandlingUnitKind;
  name: string;
  /** The area the unit works in (a district or street for departments). */
  path: string;
  contactPhone: string | null;
  active: number;
  createdAt: string;
  updatedAt: string;
}

export interface HandlingUnitPlacesTable {
  unitId: string;
  /** A compound a property company serves, or a place a co-building unit is paired with. */
  areaCode: string;
  path: string;
}

export interface DemandCountersTable {
  day: string;
  last: number;
}

export interface DemandsTable {
  id: string;
  /** Human number: `YYYYMMDD` + 5-digit sequence of the China day of receipt. */
  number: string;
  status: DemandStatus;
  categoryCode: string;
  categoryVersion: number;
  channel: DemandChannel;
  origin: DemandOrigin;
  description: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  /** Path of the most specific place found: compound, else grid, else community or street. */
  path: string;
  gridCode: string | null;
  compoundCode: string | null;
  /** JSON object of the category's attribute answers. */
  attributes: string;
  reporterUserId: string | null;
  reporterNameEnc: string | null;
  reporterNameMasked: string | null;
  reporterPhoneEnc: string | null;
  reporterPhoneHash: string | null;
  reporterPhoneMasked: string | null;
  /** Filed anonymously: the identity is never shown to handlers. */
  anonymous: number;
  /** A resident can be called back (回访): a reachable reporter who did not refuse. */
  callbackValid: number;
  createdBy: string;
  responsibleKind: ResponsibleKind | null;
  /** A grid/community/street code, a handling unit id, or an owners' committee id. */
  responsibleRef: string | null;
  responsibleName: string | null;
  handlerUserId: string | null;
  receivedAt: string;
  registeredAt: string | null;
  dispatchedAt: string | null;
  firstContactDueAt: string | null;
  firstContactedAt: string | null;
  dueAt: string | null;
  repliedAt: string | null;
  verifiedAt: string | null;
  closedAt: string | null;
  ratedAt: string | null;
  /** The resident's answer on callback: was it solved (1) or not (0). */
  resolved: number | null;
  rating: Rating | null;
  ratingComment: string | null;
  reworkCount: number;
  extensionCount: number;
  mergedIntoId: string | null;
  /** Open311 token while a request waits to be placed (no location given). */
  open311Token: string | null;
  updatedAt: string;
}

export interface DemandEventsTable {
  id: string;
  demandId: string;
  seq: number;
  action: string;
  fromStatus: DemandStatus | null;
  toStatus: DemandStatus;
  actorId: string | null;
  actorLabel: string;
  note: string | null;
  /** JSON object: the step's particulars (new responsible party, rating, reason…). */
  data: string;
  at: string;
}

export interface StoredFilesTable {
  sha256: string;
  mime: string;
  size: number;
  createdBy: string;
  createdAt: string;
}

/** One row per person who uploaded a file's content (the first also in StoredFiles.createdBy). */
export interface StoredFileUploadsTable {
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface DemandAttachmentsTable {
  id: string;
  demandId: string;
  eventId: string | null;
  sha256: string;
  createdAt: string;
}

export interface DemandWhistlesTable {
  id: string;
  demandId: string;
  /** The demand's path, for scope. */
  path: string;
  unitId: string;
  unitName: string;
  summonedBy: string;
  summonedAt: string;
  reportDueAt: string;
  reportedAt: string | null;
  reportedBy: string | null;
  note: string | null;
}

export interface IdempotencyKeysTable {
  key: string;
  requestHash: string;
  statusCode: number;
  body: string;
  createdAt: string;
}

export interface DemandsTables {
  demandCategories: DemandCategoriesTable;
  demandCategoryVersions: DemandCategoryVersionsTable;
  workCalendarDays: WorkCalendarDaysTable;
  demandSettings: DemandSettingsTable;
  handlingUnits: HandlingUnitsTable;
  handlingUnitPlaces: HandlingUnitPlacesTable;
  demandCounters: DemandCountersTable;
  demands: DemandsTable;
  demandEvents: DemandEventsTable;
  storedFiles: StoredFilesTable;
  storedFileUploads: StoredFileUploadsTable;
  demandAttachments: DemandAttachmentsTable;
  demandWhistles: DemandWhistlesTable;
  idempotencyKeys: IdempotencyKeysTable;
}

export type DemandRow = Selectable<DemandsTable>;
export type DemandEventRow = Selectable<DemandEventsTable>;
export type CategoryRow = Selectable<DemandCategoriesTable>;
export type CategoryVersionRow = Selectable<DemandCategoryVersionsTable>;
export type HandlingUnitRow = Selectable<HandlingUnitsTable>;
