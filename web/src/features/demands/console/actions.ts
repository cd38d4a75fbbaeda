import type {
  DemandAction,
  DemandActionInput,
  LimitUnit,
  Rating,
  ResponsibleKind,
  ResponsibleOptions,
} from '../api';

// The handling steps as the detail page offers them: their order, what each dialog asks, and the
// request each dialog sends. Which steps are open is the server's answer (`allowedActions`); the
// reason rules mirror DEMAND_ACTIONS (src/modules/demands/demands.workflow.ts, checked by a test).

export type ActionField =
  | 'responsible'
  | 'handler'
  | 'merge'
  | 'extension'
  | 'unit'
  | 'whistle'
  | 'rating'
  | 'photos';

export type ActionForm = {
  /** Extra fields of the dialog besides the note. */
  fields: readonly ActionField[];
  /** The label of the note (a key of `dialog.*`). */
  noteLabel: string;
  /** The note must be given (the server refuses the step without it). */
  noteRequired: boolean;
  danger?: boolean;
};

export const ACTION_FORMS: Record<DemandAction, ActionForm> = {
  register: { fields: [], noteLabel: 'note', noteRequired: false },
  decline: { fields: [], noteLabel: 'declineReason', noteRequired: true, danger: true },
  merge: { fields: ['merge'], noteLabel: 'note', noteRequired: false },
  dispatch: { fields: ['responsible', 'handler'], noteLabel: 'note', noteRequired: false },
  reassign: { fields: ['responsible', 'handler'], noteLabel: 'reason', noteRequired: true },
  return: { fields: [], noteLabel: 'returnReason', noteRequired: true, danger: true },
  accept: { fields: [], noteLabel: 'note', noteRequired: false },
  contact: { fields: [], noteLabel: 'contactNote', noteRequired: false },
  extend: { fields: ['extension'], noteLabel: 'extendReason', noteRequired: true },
  reply: { fields: ['photos'], noteLabel: 'replyNote', noteRequired: true },
  verify_pass: { fields: [], noteLabel: 'note', noteRequired: false },
  verify_fail: { fields: [], noteLabel: 'verifyFailReason', noteRequired: true, danger: true },
  close: { fields: [], noteLabel: 'note', noteRequired: false },
  rate: { fields: ['rating'], noteLabel: 'rateComment', noteRequired: false },
  whistle: { fields: ['unit'], noteLabel: 'whistleReason', noteRequired: true },
  report_in: { fields: ['whistle'], noteLabel: 'note', noteRequired: false },
  note: { fields: ['photos'], noteLabel: 'note', noteRequired: true },
};

/** The order of the buttons: the next step of the normal path first, then the side steps. */
export const ACTION_ORDER: readonly DemandAction[] = [
  'register',
  'dispatch',
  'accept',
  'contact',
  'reply',
  'verify_pass',
  'close',
  'rate',
  'reassign',
  'extend',
  'whistle',
  'report_in',
  'verify_fail',
  'return',
  'merge',
  'decline',
  'note',
];

const KNOWN = new Set<string>(ACTION_ORDER);

/** The server's allowed actions in button order; names this page does not know are left out. */
export function orderedActions(allowed: readonly string[]): DemandAction[] {
  const open = new Set(allowed);
  return ACTION_ORDER.filter((action) => open.has(action) && KNOWN.has(action));
}

/** What a dialog's form holds. */
export type ActionFormValues = {
  note?: string | undefined;
  /** `kind:ref` of the chosen responsible option. */
  responsible?: string | undefined;
  handlerUserId?: string | undefined;
  intoId?: string | undefined;
  limit?: number | undefined;
  unit?: LimitUnit | undefined;
  unitId?: string | undefined;
  whistleId?: string | undefined;
  rating?: Rating | undefined;
  resolved?: boolean | undefined;
  photos?: string[] | undefined;
};

export const responsibleValue = (option: { kind: ResponsibleKind; ref: string }) =>
  `${option.kind}:${option.ref}`;

export function parseResponsible(value: string | undefined): { kind: ResponsibleKind; ref: string } | null {
  if (!value) return null;
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1) return null;
  return { kind: value.slice(0, at) as ResponsibleKind, ref: value.slice(at + 1) };
}

/** The request body of a dialog: only the fields its action takes. */
export function buildActionBody(action: DemandAction, values: ActionFormValues): DemandActionInput {
  const form = ACTION_FORMS[action];
  const body: DemandActionInput = { action };
  const note = values.note?.trim();
  if (note) body.note = note;
  for (const field of form.fields) {
    if (field === 'responsible') body.responsible = parseResponsible(values.responsible);
    if (field === 'handler' && values.handlerUserId) body.handlerUserId = values.handlerUserId;
    if (field === 'merge' && values.intoId) body.intoId = values.intoId;
    if (field === 'extension' && values.limit && values.unit)
      body.extension = { limit: values.limit, unit: values.unit };
    if (field === 'unit' && values.unitId) body.unitId = values.unitId;
    if (field === 'whistle' && values.whistleId) body.whistleId = values.whistleId;
    if (field === 'rating') {
      if (values.rating) body.rating = values.rating;
      if (values.resolved !== undefined) body.resolved = values.resolved;
    }
    if (field === 'photos' && values.photos?.length) body.photos = values.photos;
  }
  return body;
}

export type ResponsibleChoice = { value: string; kind: ResponsibleKind; name: string; suggested: boolean };

/** The dispatch choices with the suggested party (the category's default at the place) first, once. */
export function responsibleChoices(options: ResponsibleOptions | undefined): ResponsibleChoice[] {
  if (!options) return [];
  const suggested = options.suggested;
  const choices: ResponsibleChoice[] = suggested
    ? [{ value: responsibleValue(suggested), kind: suggested.kind, name: suggested.name, suggested: true }]
    : [];
  const seen = new Set(choices.map((c) => c.value));
  for (const option of options.options) {
    const value = responsibleValue(option);
    if (seen.has(value)) continue;
    seen.add(value);
    choices.push({ value, kind: option.kind, name: option.name, suggested: false });
  }
  return choices;
}
