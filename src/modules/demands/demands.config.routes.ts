import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { demandSettingsSchema, settingsPatchSchema } from './demands.config.schemas';
import { getSettings, updateSettings } from './demands.config.service';

/** The demands settings: rate weights and denominator, working hours, warning windows. */
export async function demandsConfigRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['demands'];

  app.get('/api/v1/demands/settings', {
    schema: {
      tags,
      summary: 'The demands settings in force 诉求设置',
      response: { 200: demandSettingsSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getSettings({ db, actor: requireActor(request) }),
  });

  app.put('/api/v1/demands/settings', {
    schema: {
      tags,
      summary: 'Change some settings (city admins); all or nothing 修改诉求设置',
      body: settingsPatchSchema,
      response: { 200: demandSettingsSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => updateSettings({ db, actor: requireActor(request), patch: request.body }),
  });
}
