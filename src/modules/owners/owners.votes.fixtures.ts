import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { Session } from '../../server/testing';

// Test factories for owners' meeting votes: extra compounds in buildSmallCity's grids, and small
// registers written straight into the register tables (units, owners, ownerships).

export const GRID_A1 = {
  code: '371602001001001',
  path: '3716/371602/371602001/371602001001/371602001001001',
};
export const GRID_B1 = {
  code: '371602002001001',
  path: '3716/371602/371602002/371602002001/371602002001001',
};

let compoundSeq = 10;

/** A new compound under a grid of buildSmallCity (street A's first grid unless said otherwise). */
export async function addCompound(db: Kysely<Database>, opts: { grid?: typeof GRID_A1; name?: string } = {}) {
  const grid = opts.grid ?? GRID_A1;
  const code = `${grid.code}${String(++compoundSeq).padStart(2, '0')}`;
  const now = new Date().toISOString();
  const row = {
    id: newId(),
    code,
    parentCode: grid.code,
    path: `${grid.path}/${code}`,
    level: 'compound' as const,
    kind: null,
    name: opts.name ?? `测试${compoundSeq}号小区`,
    depth: 5,
    sortOrder: 0,
    boundary: null,
    minLng: null,
    minLat: null,
    maxLng: null,
    maxLat: null,
    lng: null,
    lat: null,
    attrs: '{}',
    status: 'active' as const,
    validFrom: '2021-01-01',
    validTo: null,
    successorCode: null,
    createdAt: now,
    updatedAt: now,
  };
  await db.insertInto('areas').values(row).execute();
  return { code, path: row.path, name: row.name };
}

export interface UnitSpec {
  /** Square metres as the register holds them; `{ surveyed }` or `{ contract }` for the other sources. */
  area: string | { registered?: string; surveyed?: string; contract?: string };
  /** Owner names: the same name in two units is the same owner; two names are co-owners. */
  owners?: string[];
  /** The developer's unsold (or sold but undelivered) unit (SPC interpretation art. 9). */
  developer?: boolean;
  label?: string;
  deliveredOn?: string | null;
}

/** Writes a register for the compound; returns the owners' ids by name. */
export async function buildRegister(
  db: Kysely<Database>,
  compound: { code: string; path: string },
  units: UnitSpec[],
): Promise<Map<string, string>> {
  const now = new Date().toISOString();
  const owners = new Map<string, string>();
  for (const name of new Set(units.flatMap((u) => u.owners ?? []))) owners.set(name, newId());
  if (owners.size > 0)
    await db
      .insertInto('owners')
      .values(
        [...owners].map(([name, id]) => ({
          id,
          compoundCode: compound.code,
          path: compound.path,
          name,
          kind: 'person' as const,
          residentId: null,
          idNumberEnc: null,
          idNumberHash: null,
          idNumberMasked: null,
          phoneEnc: null,
          phoneHash: null,
          phoneMasked: null,
          createdAt: now,
        })),
      )
      .execute();
  const rows = units.map((u, i) => {
    const area = typeof u.area === 'string' ? { registered: u.area } : u.area;
    return {
      id: newId(),
      compoundCode: compound.code,
      householdCode: null,
      path: compound.path,
      label: u.label ?? `1号楼${String(i + 1).padStart(4, '0')}室`,
      useKind: 'residence' as const,
      registeredArea: area.registered ?? null,
      surveyedArea: area.surveyed ?? null,
      contractArea: area.contract ?? null,
      deliveredOn: u.developer ? null : (u.deliveredOn ?? '2020-06-01'),
      developerUnsold: u.developer ? 1 : 0,
      createdAt: now,
      updatedAt: now,
    };
  });
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('ownerUnits')
      .values(rows.slice(i, i + 300))
      .execute();
  const ownerships = units.flatMap((u, i) =>
    (u.owners ?? []).map((name) => ({ unitId: rows[i]!.id, ownerId: owners.get(name)!, share: null })),
  );
  for (let i = 0; i < ownerships.length; i += 300)
    await db
      .insertInto('unitOwnerships')
      .values(ownerships.slice(i, i + 300))
      .execute();
  return owners;
}

/** `count` units of `area` m² each, one owner apiece, named `${prefix}1…`. */
export function flats(count: number, area: string, prefix: string): UnitSpec[] {
  return Array.from({ length: count }, (_, i) => ({ area, owners: [`${prefix}${i + 1}`] }));
}

type Requester = (
  session: Session | null,
  opts: { method: 'GET' | 'POST' | 'PATCH'; url: string; body?: unknown },
) => Promise<LightMyRequestResponse>;

/** The code of the elector whose label names `who` (an owner's name, or 'developer'). */
export function codeFor(codes: { label: string; code: string }[], who: string): string {
  const found = codes.find((c) => {
    const people = c.label.split('：')[0]!;
    return who === 'developer' ? people.startsWith('建设单位') : people.split('、').includes(who);
  });
  if (!found) throw new Error(`no elector named ${who}`);
  return found.code;
}

/**
 * Runs a whole vote through the API as `official`: draft, open, issue codes, each ballot cast
 * with its owner's code on the public route, close. Returns the vote id, the codes and the
 * receipts by owner name.
 */
export async function runVote(
  request: Requester,
  official: Session,
  opts: {
    compoundCode: string;
    item: number;
    ballots: [who: string, choice: 'for' | 'against' | 'abstain'][];
    close?: boolean;
  },
) {
  const created = await request(official, {
    method: 'POST',
    url: '/api/v1/owners/votes',
    body: { compoundCode: opts.compoundCode, item: opts.item, title: `第${opts.item}项表决` },
  });
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  const opened = await request(official, { method: 'POST', url: `/api/v1/owners/votes/${id}/open` });
  if (opened.statusCode !== 200) throw new Error(`open: ${opened.statusCode} ${opened.body}`);
  const issued = await request(official, {
    method: 'POST',
    url: `/api/v1/owners/votes/${id}/codes?format=json`,
  });
  const codes = issued.json().codes as { voterKey: string; label: string; area: string; code: string }[];
  const receipts = new Map<string, string>();
  for (const [who, choice] of opts.ballots) {
    const cast = await request(null, {
      method: 'POST',
      url: `/api/v1/public/votes/${id}/ballots`,
      body: { code: codeFor(codes, who), choice },
    });
    if (cast.statusCode !== 201) throw new Error(`cast ${who}: ${cast.statusCode} ${cast.body}`);
    receipts.set(who, cast.json().receiptCode);
  }
  if (opts.close !== false) {
    const closed = await request(official, {
      method: 'POST',
      url: `/api/v1/owners/votes/${id}/close`,
      body: {},
    });
    if (closed.statusCode !== 200) throw new Error(`close: ${closed.statusCode} ${closed.body}`);
  }
  const tally = await request(official, { method: 'GET', url: `/api/v1/owners/votes/${id}/tally` });
  return { id, codes, receipts, result: tally.json() };
}

/**
 * For the scope matrix: an open vote in street B's first compound with codes issued and one paper
 * entry waiting, made by `admin` (city-wide).
 */
export async function buildStreetBVote(db: Kysely<Database>, request: Requester, admin: Session) {
  const compound = { code: '37160200200100101', path: `${GRID_B1.path}/37160200200100101` };
  await buildRegister(db, compound, flats(3, '90.00', '市西业主'));
  const run = await runVote(request, admin, {
    compoundCode: compound.code,
    item: 4,
    ballots: [],
    close: false,
  });
  const voterKey = run.codes[0]!.voterKey;
  const entry = await request(admin, {
    method: 'POST',
    url: `/api/v1/owners/votes/${run.id}/paper-entries`,
    body: { voterKey, choice: 'for' },
  });
  return { voteId: run.id, voterKey, entryId: entry.json().id as string, compoundCode: compound.code };
}
