import { z } from 'zod';
import { sendXlsx, XLSX_TYPE } from '../../server/downloads';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { getRegisterTemplate, importRegister } from './owners.import.service';
import { createOwner, deleteOwner, listOwners, updateOwner } from './owners.owners.service';
import * as s from './owners.register.schemas';
import { createUnit, deleteUnit, getRegisterSummary, listUnits, updateUnit } from './owners.register.service';
import { compoundParamsSchema, idParamsSchema, pageOf } from './owners.schemas';

const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/** The owners' register of a compound: units, owners, its figures and the Excel import. */
export async function ownersRegisterRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['owners'];
  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.get('/api/v1/owners/compounds/:code/register', {
    schema: {
      tags,
      summary:
        'Register figures: exclusive area, headcount (SPC art. 9), delivery, first-meeting trigger 业主名册概况',
      params: compoundParamsSchema,
      response: { 200: s.registerSummarySchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      getRegisterSummary({ db, actor: requireActor(request), code: request.params.code }),
  });

  app.get('/api/v1/owners/compounds/:code/units', {
    schema: {
      tags,
      summary: 'Exclusive parts of a compound with their owners 专有部分',
      params: compoundParamsSchema,
      querystring: s.registerListQuerySchema,
      response: { 200: pageOf(s.unitViewSchema), ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      listUnits({ db, actor: requireActor(request), code: request.params.code, query: request.query }),
  });

  app.post('/api/v1/owners/compounds/:code/units', {
    schema: {
      tags,
      summary: 'Register an exclusive part (area per SPC art. 8) 登记专有部分',
      params: compoundParamsSchema,
      body: s.unitBodySchema,
      response: { 201: s.unitViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await createUnit({
          db,
          actor: requireActor(request),
          code: request.params.code,
          input: request.body,
        }),
      ),
  });

  app.patch('/api/v1/owners/units/:id', {
    schema: {
      tags,
      summary: 'Correct an exclusive part or its owners 修改专有部分',
      params: idParamsSchema,
      body: s.unitPatchSchema,
      response: { 200: s.unitViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      updateUnit({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  app.delete('/api/v1/owners/units/:id', {
    schema: {
      tags,
      summary: 'Remove an exclusive part entered by mistake 删除专有部分',
      params: idParamsSchema,
      response: { 204: z.null(), ...problemResponses(...AUTHED) },
    },
    handler: async (request, reply) => {
      await deleteUnit({ db, actor: requireActor(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/owners/compounds/:code/owners', {
    schema: {
      tags,
      summary: 'Owners of a compound, numbers masked 业主',
      params: compoundParamsSchema,
      querystring: s.registerListQuerySchema,
      response: { 200: pageOf(s.ownerViewSchema), ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      listOwners({ db, actor: requireActor(request), code: request.params.code, query: request.query }),
  });

  app.post('/api/v1/owners/compounds/:code/owners', {
    schema: {
      tags,
      summary: 'Register an owner: a person (numbers sealed), an organisation or the developer 登记业主',
      params: compoundParamsSchema,
      body: s.ownerBodySchema,
      response: { 201: s.ownerViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await createOwner({
          db,
          cipher: app.cipher,
          actor: requireActor(request),
          code: request.params.code,
          input: request.body,
        }),
      ),
  });

  app.patch('/api/v1/owners/owners/:id', {
    schema: {
      tags,
      summary: 'Correct an owner 修改业主',
      params: idParamsSchema,
      body: s.ownerPatchSchema,
      response: { 200: s.ownerViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      updateOwner({
        db,
        cipher: app.cipher,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  });

  app.delete('/api/v1/owners/owners/:id', {
    schema: {
      tags,
      summary: 'Remove an owner who holds no unit 删除业主',
      params: idParamsSchema,
      response: { 204: z.null(), ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) => {
      await deleteOwner({ db, actor: requireActor(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/owners/imports/register-template.xlsx', {
    schema: {
      tags,
      summary: "The owners' register template: columns, dropdowns, instructions 业主名册模板",
      produces: [XLSX_TYPE],
      response: problemResponses(...AUTHED),
    },
    handler: async (request, reply) =>
      sendXlsx(reply, await getRegisterTemplate({ actor: requireActor(request) })),
  });

  app.post('/api/v1/owners/compounds/:code/imports/register', {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Import units and owners (.xlsx body): every bad row listed; all rows or none 业主名册导入',
      consumes: [XLSX_TYPE],
      params: compoundParamsSchema,
      querystring: s.importQuerySchema,
      response: { 200: s.importResultSchema, ...problemResponses(...AUTHED, 413, 415) },
    },
    handler: async (request) =>
      importRegister({
        db,
        cipher: app.cipher,
        actor: requireActor(request),
        code: request.params.code,
        file: Buffer.isBuffer(request.body) ? request.body : undefined,
        dryRun: request.query.dryRun === 'true',
      }),
  });
}
