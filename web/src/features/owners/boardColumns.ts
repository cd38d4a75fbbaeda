import type { Formation } from './api';

/** The board's columns: the steps still to record (starting records the trigger), then the completed. */
export const BOARD_COLUMNS = [
  'preparatory_group',
  'nomination',
  'joint_review',
  'vote',
  'filing',
  'completed',
] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

/**
 * Formations by column: one in progress sits under the step it awaits, a completed one under
 * `completed`; abandoned ones are left off. Within a column the oldest start comes first.
 */
export function boardColumns(formations: readonly Formation[]): Record<BoardColumn, Formation[]> {
  const out = Object.fromEntries(BOARD_COLUMNS.map((c) => [c, [] as Formation[]])) as Record<
    BoardColumn,
    Formation[]
  >;
  for (const f of formations) {
    if (f.status === 'abandoned') continue;
    const column: BoardColumn = f.status === 'completed' ? 'completed' : (f.currentStep as BoardColumn);
    (out[column] ?? out.preparatory_group).push(f);
  }
  for (const c of BOARD_COLUMNS)
    out[c].sort((a, b) => a.startedOn.localeCompare(b.startedOn) || a.id.localeCompare(b.id));
  return out;
}

/** The deadline that applies to the step a formation awaits (Shandong arts. 21, 22, 31), if any. */
export function deadlineOf(f: Formation): string | null {
  if (f.status !== 'in_progress') return null;
  if (f.currentStep === 'preparatory_group') return f.deadlines.preparatoryGroupBy;
  if (f.currentStep === 'filing') return f.deadlines.filingBy;
  return f.deadlines.meetingBy;
}
