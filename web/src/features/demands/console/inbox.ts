import type { DemandChannel, DemandListFilters, DemandStatus } from '../api';

// What the inbox (/demands) shows for whom: the status presets per role and the filters kept in
// the address (so that "back" from a demand returns to the same list).

export const PRESETS = ['received', 'registered', 'handling', 'replied', 'verified', 'ended', 'all'] as const;
export type Preset = (typeof PRESETS)[number];

/** The statuses behind each preset (待立案 received, 待派遣 registered, 办理中 dispatched+in_hand, …). */
export const PRESET_STATUSES: Record<Preset, readonly DemandStatus[] | null> = {
  received: ['received'],
  registered: ['registered'],
  handling: ['dispatched', 'in_hand'],
  replied: ['replied'],
  verified: ['verified'],
  ended: ['closed', 'rated'],
  all: null,
};

export const DUE_FILTERS = ['overdue', 'dueSoon', 'contactOverdue'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/** Roles that handle what is dispatched to them rather than run the inbox: their list opens on "mine". */
const HANDLER_ROLES = new Set(['grid_worker', 'property_staff']);

export type InboxRole = {
  permissions: readonly string[];
  roles: readonly string[];
};

export type InboxSetup = {
  presets: readonly Preset[];
  defaultPreset: Preset;
  /** The 我的任务 switch is offered (the caller handles demands). */
  canFilterMine: boolean;
  defaultMine: boolean;
  /** 受理热线诉求 is offered. */
  canCreate: boolean;
};

/**
 * The presets a caller sees: a manager (立案, 派遣, 核查, 结案) every stage; a handler the stages they
 * act in, opening on their own tasks; a reader everything, opening on all.
 */
export function inboxSetup(caller: InboxRole): InboxSetup {
  const manages = caller.permissions.includes('demands.manage');
  const handles = caller.permissions.includes('demands.handle');
  const handlerOnly = !manages && caller.roles.some((role) => HANDLER_ROLES.has(role));
  const canCreate = manages && caller.permissions.includes('demands.create');
  if (manages) {
    return {
      presets: PRESETS,
      defaultPreset: 'received',
      canFilterMine: handles,
      defaultMine: false,
      canCreate,
    };
  }
  if (handles) {
    return {
      presets: ['handling', 'replied', 'ended', 'all'],
      defaultPreset: 'handling',
      canFilterMine: true,
      defaultMine: handlerOnly,
      canCreate,
    };
  }
  return { presets: PRESETS, defaultPreset: 'all', canFilterMine: false, defaultMine: false, canCreate };
}

/** The inbox's state as kept in the address bar. */
export type InboxState = {
  preset: Preset;
  due: DueFilter | undefined;
  mine: boolean;
  categoryCode: string | undefined;
  channel: DemandChannel | undefined;
  areaCode: string | undefined;
  receivedFrom: string | undefined;
  receivedTo: string | undefined;
  q: string | undefined;
};

const CHANNELS: readonly DemandChannel[] = ['mobile', 'patrol', 'hotline', 'open311'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AREA = /^\d{2,32}$/;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
const text = (value: string | null) => (value?.trim() ? value.trim() : undefined);
const matching = (value: string | null, pattern: RegExp) =>
  value !== null && pattern.test(value) ? value : undefined;

/** Reads the inbox state from the address, falling back to the caller's defaults. */
export function readInboxState(params: URLSearchParams, setup: InboxSetup): InboxState {
  const preset = pick(params.get('preset'), setup.presets) ?? setup.defaultPreset;
  const mineParam = params.get('mine');
  return {
    preset,
    due: pick(params.get('due'), DUE_FILTERS),
    mine: setup.canFilterMine && (mineParam === null ? setup.defaultMine : mineParam === 'true'),
    categoryCode: text(params.get('category')),
    channel: pick(params.get('channel'), CHANNELS),
    areaCode: matching(params.get('area'), AREA),
    receivedFrom: matching(params.get('from'), DATE),
    receivedTo: matching(params.get('to'), DATE),
    q: text(params.get('q')),
  };
}

/** Writes the inbox state to the address, leaving out what equals the caller's default. */
export function writeInboxState(state: InboxState, setup: InboxSetup): URLSearchParams {
  const params = new URLSearchParams();
  if (state.preset !== setup.defaultPreset) params.set('preset', state.preset);
  if (state.due) params.set('due', state.due);
  if (setup.canFilterMine && state.mine !== setup.defaultMine) params.set('mine', String(state.mine));
  if (state.categoryCode) params.set('category', state.categoryCode);
  if (state.channel) params.set('channel', state.channel);
  if (state.areaCode) params.set('area', state.areaCode);
  if (state.receivedFrom) params.set('from', state.receivedFrom);
  if (state.receivedTo) params.set('to', state.receivedTo);
  if (state.q) params.set('q', state.q);
  return params;
}

/** The list request for the inbox state (the same filters go to the Excel export). */
export function toListFilters(state: InboxState): DemandListFilters {
  const statuses = PRESET_STATUSES[state.preset];
  const filters: DemandListFilters = {};
  if (statuses) filters.status = statuses.join(',');
  if (state.due) filters.due = state.due;
  if (state.mine) filters.mine = 'true';
  if (state.categoryCode) filters.categoryCode = state.categoryCode;
  if (state.channel) filters.channel = state.channel;
  if (state.areaCode) filters.areaCode = state.areaCode;
  if (state.receivedFrom) filters.receivedFrom = state.receivedFrom;
  if (state.receivedTo) filters.receivedTo = state.receivedTo;
  if (state.q) filters.q = state.q;
  return filters;
}
