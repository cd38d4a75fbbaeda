import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { AppError } from '../../server/errors';
import { type Actor, authorize, resolveApiToken } from '../iam/index';
import { fileDemand } from './demands.intake.service';
import { Open311Error, open311Errors } from './demands.open311.errors';
import {
  type Open311PostInput,
  open311FieldName,
  readRequestsQuery,
  toDemandBody,
} from './demands.open311.input';
import {
  serviceNotice,
  toOpen311Attributes,
  toOpen311Request,
  toOpen311Service,
  toW3c,
} from './demands.open311.mapping';
import {
  catalogueChangedAt,
  findDemandByToken,
  findPublicDemand,
  findServiceRow,
  listPublicDemands,
  listServiceRows,
} from './demands.open311.repository';
import {
  OPEN311_JURISDICTION,
  OPEN311_SPECIFICATION,
  type Open311Discovery,
  type Open311PostResult,
  type Open311Request,
  type Open311Service,
  type Open311ServiceDefinition,
  type Open311TokenResult,
  type RequestsQuery,
} from './demands.open311.schemas';
import type { CategoryAttribute } from './demands.schemas';

// Open311 GeoReport v2 over our demands. Reading is public, as the spec has it (no api_key for any
// GET): services are the catalogue; requests are every demand — whatever channel it came in by,
// anonymous ones included — but never with personal data: no reporter name, phone, email or
// account, and no photos (ours need a signed-in reader); `media_url` is only the URL an Open311
// client gave us. Publishing what residents asked and how it was handled is the disclosure duty of
// Beijing art. 34 (建立接诉即办工作公开制度，完善公众查询渠道). Filing needs an api_key: an API
// token of ours whose role holds demands.create over the place (iam tokens).

type Db = Kysely<Database>;

/** `jurisdiction_id` is optional (we serve one jurisdiction); a different one is not found. */
export function checkJurisdiction(given: string | null | undefined): void {
  const id = given?.trim();
  if (id && id.toLowerCase() !== OPEN311_JURISDICTION) throw open311Errors.jurisdictionNotFound(id);
}

export async function discovery(db: Db, endpointUrl: string): Promise<Open311Discovery> {
  const changed = await catalogueChangedAt(db);
  const changeset = changed ? toW3c(changed) : '2026-01-01T00:00:00+08:00';
  return {
    changeset,
    contact: '滨州市 12345 政务服务便民热线 (Binzhou 12345 government service hotline)',
    key_service:
      'api_key 即平台管理员签发的 API 令牌（/api/v1/iam/tokens），其角色须具备 demands.create 权限 ' +
      '(API keys are issued by platform administrators as API tokens whose role holds demands.create)',
    endpoints: [
      {
        specification: OPEN311_SPECIFICATION,
        url: endpointUrl,
        changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

export async function listServices(db: Db): Promise<Open311Service[]> {
  return (await listServiceRows(db)).map((r) => toOpen311Service(r.category, r.version, r.parentName));
}

export async function serviceDefinition(db: Db, code: string): Promise<Open311ServiceDefinition> {
  const row = await findServiceRow(db, code);
  if (!row) throw open311Errors.serviceNotFound(code);
  return {
    service_code: row.category.code,
    attributes: toOpen311Attributes(JSON.parse(row.version.attributes) as CategoryAttribute[]),
  };
}

/** Intake refusals in Open311 terms: our field names become the parameters the client sent. */
function fromIntakeError(err: AppError): Open311Error {
  if (err.status === 403) return open311Errors.apiKeyNotAllowed();
  if (err.code === 'demands.area_not_found')
    return new Open311Error(403, {
      zh: '该位置不在此 api_key 的服务区域内',
      en: 'The location lies outside the area this api_key serves',
    });
  const problems = err.errors?.length
    ? err.errors.map((p) => {
        const field = open311FieldName(p.field);
        return { zh: `${field}：${p.message.zh}`, en: `${field}: ${p.message.en}` };
      })
    : [err.title];
  return new Open311Error(err.status === 404 ? 404 : 400, problems);
}

/**
 * POST requests: the api_key first (403), then the service (400 missing, 404 unknown), then the
 * fields (400), then intake. A request placed on the map gets its service_request_id at once; one
 * given only as an address gets a token until the hotline places and registers it.
 */
export async function createRequest(opts: {
  db: Db;
  cipher: FieldCipher;
  input: Open311PostInput;
  client: { ip: string | null; requestId: string | null };
  now?: Date;
}): Promise<Open311PostResult[]> {
  const { db, input } = opts;
  if (!input.apiKey) throw open311Errors.apiKeyMissing();
  let actor: Actor;
  try {
    actor = await resolveApiToken({ db, secret: input.apiKey, client: opts.client });
    authorize(actor, 'demands.create');
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    throw err.status === 403 ? open311Errors.apiKeyNotAllowed() : open311Errors.apiKeyInvalid();
  }
  checkJurisdiction(input.jurisdictionId);
  if (!input.serviceCode)
    throw open311Errors.invalid([{ zh: '缺少 service_code 参数', en: 'service_code was not provided' }]);
  const service = await findServiceRow(db, input.serviceCode);
  if (!service) throw open311Errors.serviceNotFound(input.serviceCode);

  // media_url is not an attribute of the category: intake checks the answers without it and it is
  // kept with them once filed (inside the filing transaction).
  const full = toDemandBody(input, { code: service.category.code, serviceName: service.category.nameZh });
  const { media_url: mediaUrl, ...attributes } = full.attributes;
  const body = { ...full, attributes };
  try {
    const filed = await fileDemand({
      db,
      cipher: opts.cipher,
      actor,
      body,
      channel: 'open311',
      ...(opts.now ? { now: opts.now } : {}),
      onFiled: async (trx, f) => {
        if (mediaUrl === undefined) return;
        await trx
          .updateTable('demands')
          .set({ attributes: JSON.stringify({ ...attributes, media_url: mediaUrl }) })
          .where('id', '=', f.id)
          .execute();
      },
    });
    const notice = serviceNotice(service.version);
    const id = filed.open311Token ? { token: filed.open311Token } : { service_request_id: filed.number };
    return [{ ...id, service_notice: notice, account_id: input.accountId }];
  } catch (err) {
    if (err instanceof AppError) throw fromIntakeError(err);
    throw err;
  }
}

/** GET tokens: the token alone until the demand is registered, then with its service_request_id. */
export async function lookupToken(db: Db, token: string): Promise<Open311TokenResult[]> {
  const row = await findDemandByToken(db, token);
  if (!row) throw open311Errors.tokenNotFound(token);
  return [row.status === 'received' ? { token } : { service_request_id: row.number, token }];
}

export async function listRequests(
  db: Db,
  query: RequestsQuery,
  now = new Date(),
): Promise<Open311Request[]> {
  return (await listPublicDemands(db, readRequestsQuery(query, now))).map(toOpen311Request);
}

export async function getRequest(db: Db, id: string): Promise<Open311Request[]> {
  const row = await findPublicDemand(db, id);
  if (!row) throw open311Errors.requestNotFound(id);
  return [toOpen311Request(row)];
}
