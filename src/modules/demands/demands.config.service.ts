import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type Actor, appendAudit, authorize } from '../iam/index';
import { actorRef } from './demands.access';
import { CITY_SCOPE, requireCityManager } from './demands.catalogue.access';
import { mergeSettings, settingsProblems } from './demands.config.rules';
import type { SettingsPatch } from './demands.config.schemas';
import { demandsErrors } from './demands.errors';
import { type DemandSettings, loadDemandSettings, SETTING_KEYS } from './demands.settings';

// Reading and changing the demands settings. Each top-level setting is one row of demand_settings
// (JSON); a change writes only the keys whose value changed, in one transaction with its audit entry.

type Db = Kysely<Database>;

/** The settings in force (stored values over the defaults). */
export async function getSettings(opts: { db: Db; actor: Actor }): Promise<DemandSettings> {
  authorize(opts.actor, 'demands.read');
  return loadDemandSettings(opts.db);
}

/** Lays a partial change over the settings; all-or-nothing, every bad field named. */
export async function updateSettings(opts: {
  db: Db;
  actor: Actor;
  patch: SettingsPatch;
  now?: Date;
}): Promise<DemandSettings> {
  const { db, actor, patch } = opts;
  requireCityManager(actor);
  const now = (opts.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    const current = await loadDemandSettings(trx);
    const next = mergeSettings(current, patch);
    const problems = settingsProblems(next);
    if (problems.length > 0) throw demandsErrors.invalidSettings(problems);
    const changed = SETTING_KEYS.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
    for (const key of changed) {
      const value = JSON.stringify(next[key]);
      await trx
        .insertInto('demandSettings')
        .values({ key, value, updatedBy: actorRef(actor), updatedAt: now })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value, updatedBy: actorRef(actor), updatedAt: now }),
        )
        .execute();
    }
    if (changed.length > 0)
      await appendAudit(trx, {
        actor,
        action: 'demands.settings.update',
        targetType: 'demand_settings',
        targetId: null,
        scopePath: CITY_SCOPE,
        summary: Object.fromEntries(changed.map((k) => [k, { from: current[k], to: next[k] }])),
      });
    return next;
  });
}
