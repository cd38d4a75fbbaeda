import type { DemandAction, DemandActionInput } from '../api';

// The steps a grid worker or property staff takes on a phone (demands.handle): 签收, 联系诉求人
// (Beijing art. 15(1)), 反馈 with photos (art. 15(3)), 退回 with the reason (Binzhou art. 11
// para. 2), 报到 to a whistle (art. 16), and a note. The server says which are open now
// (`allowedActions` of the demand); the console does the rest.

export const TASK_ACTIONS = [
  'accept',
  'contact',
  'reply',
  'return',
  'report_in',
  'note',
] as const satisfies readonly DemandAction[];
export type TaskAction = (typeof TASK_ACTIONS)[number];

export type TaskActionForm = {
  /** The note is the reason or the result, and must be given. */
  noteRequired: boolean;
  /** A note may be written. */
  note: boolean;
  /** Photos of the result may be added. */
  photos: boolean;
  /** Asks once more before acting, with no form. */
  confirmOnly: boolean;
};

export const TASK_ACTION_FORMS: Record<TaskAction, TaskActionForm> = {
  accept: { noteRequired: false, note: false, photos: false, confirmOnly: true },
  contact: { noteRequired: false, note: true, photos: false, confirmOnly: false },
  reply: { noteRequired: true, note: true, photos: true, confirmOnly: false },
  return: { noteRequired: true, note: true, photos: false, confirmOnly: false },
  report_in: { noteRequired: false, note: true, photos: false, confirmOnly: false },
  note: { noteRequired: true, note: true, photos: true, confirmOnly: false },
};

/** The task actions open now, in the order of the work; 报到 only while a whistle waits. */
export function openTaskActions(allowed: readonly string[], waitingWhistle: boolean): TaskAction[] {
  return TASK_ACTIONS.filter(
    (action) => allowed.includes(action) && (action !== 'report_in' || waitingWhistle),
  );
}

/** The body of POST /api/v1/demands/:id/actions for a task action. */
export function taskActionBody(
  action: TaskAction,
  input: { note: string; photos: readonly string[]; whistleId?: string | null },
): DemandActionInput {
  const form = TASK_ACTION_FORMS[action];
  const note = form.note ? input.note.trim() || null : null;
  return {
    action,
    note,
    ...(form.photos ? { photos: [...input.photos] } : {}),
    ...(action === 'report_in' && input.whistleId ? { whistleId: input.whistleId } : {}),
  };
}

/** Whether the form may be sent: a required note is there. */
export function canSendTaskAction(action: TaskAction, note: string): boolean {
  return !TASK_ACTION_FORMS[action].noteRequired || note.trim().length > 0;
}
