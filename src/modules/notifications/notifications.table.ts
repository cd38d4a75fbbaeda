import type { Insertable, Selectable } from 'kysely';

/** What a message is about: a demand for now; its id opens the subject's page. */
export const SUBJECT_TYPES = ['demand'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** One in-app message (站内消息) to one user. No SMS or push is sent for it: it waits to be read. */
export interface NotificationsTable {
  /** UUIDv7 of the step's time: the list's order and its cursor. */
  id: string;
  userId: string;
  /** What happened, e.g. `demand.dispatched`; the client builds the sentence from it and `params`. */
  kind: string;
  subjectType: SubjectType;
  subjectId: string;
  /** JSON object: the demand number, category names, the note a resident must read, a due date… */
  params: string;
  createdAt: string;
  /** Null while unread. */
  readAt: string | null;
}

export interface NotificationsTables {
  notifications: NotificationsTable;
}

export type NotificationRow = Selectable<NotificationsTable>;
export type NotificationInsert = Insertable<NotificationsTable>;
