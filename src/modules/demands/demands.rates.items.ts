import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import * as repo from './demands.rates.repository';
import type { DemandListItem } from './demands.schemas';
import { type DemandSettings, loadWorkingCalendar } from './demands.settings';
import { toListItem } from './demands.views';

// The demands behind a figure as the inbox shows them (demands.views.ts toListItem), so that a
// drill-down line reads and links like an inbox line.

type Db = Kysely<Database>;

/** Inbox list items for `ids`, in the order given. */
export async function rateListItems(
  db: Db,
  opts: { ids: string[]; now: Date; settings: DemandSettings },
): Promise<DemandListItem[]> {
  if (opts.ids.length === 0) return [];
  const rows = await repo.listRowsByIds(db, opts.ids);
  const placeCodes = rows.flatMap((r) => {
    const code = r.compoundCode ?? r.gridCode;
    return code ? [code] : [];
  });
  const [categoryNames, placeNames, calendar] = await Promise.all([
    repo.categoryNames(
      db,
      rows.map((r) => r.categoryCode),
    ),
    repo.placeNames(db, placeCodes),
    loadWorkingCalendar(db, opts.settings),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return opts.ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toListItem(row, categoryNames, placeNames, opts.now, calendar, opts.settings)] : [];
  });
}
