import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { newId } from '../../lib/ids';
import { type FieldProblem, fieldProblem } from '../../server/errors';
import { type Actor, appendAudit } from '../iam/index';
import { sealIdNumber, sealPhone } from '../people/index';
import { checkRecordScope, getScopedCompound } from './owners.access';
import { ownersErrors } from './owners.errors';
import * as repo from './owners.register.repository';
import type { ownerBodySchema, ownerPatchSchema, registerListQuerySchema } from './owners.register.schemas';
import { ownerProblems } from './owners.register-rules';
import * as reports from './owners.reports.repository';
import type { OwnerRow } from './owners.table';
import { toOwnerView } from './owners.views';

// Owners of a compound (业主): natural persons, organisations and the developer (建设单位). A
// person's ID number and phone are sealed as the people module seals residents' — ciphertext, blind
// index, mask — and shown only masked: this module has no way to unmask them.

type Db = Kysely<Database>;
type Q = Db | Transaction<Database>;

type Sealed = Pick<
  OwnerRow,
  'idNumberEnc' | 'idNumberHash' | 'idNumberMasked' | 'phoneEnc' | 'phoneHash' | 'phoneMasked' | 'residentId'
>;

/**
 * Seals the numbers given (undefined leaves a number as it is, null clears it) and links the owner
 * to the resident with the same ID number, through which a party membership is recognised.
 */
export async function sealOwnerNumbers(
  q: Q,
  cipher: FieldCipher,
  input: { idNumber?: string | null | undefined; phone?: string | null | undefined },
  fields = { idNumber: 'idNumber', phone: 'phone' },
): Promise<{ sealed: Partial<Sealed>; problems: FieldProblem[] }> {
  const sealed: Partial<Sealed> = {};
  const problems: FieldProblem[] = [];
  if (input.idNumber === null)
    Object.assign(sealed, { idNumberEnc: null, idNumberHash: null, idNumberMasked: null, residentId: null });
  else if (input.idNumber !== undefined) {
    const id = sealIdNumber(cipher, input.idNumber);
    if (!id.ok) problems.push(fieldProblem(fields.idNumber, id.reason, id.message));
    else {
      const residents = await reports.residentsByIdHashes(q, [id.value.hash]);
      Object.assign(sealed, {
        idNumberEnc: id.value.enc,
        idNumberHash: id.value.hash,
        idNumberMasked: id.value.masked,
        residentId: residents.get(id.value.hash) ?? null,
      });
    }
  }
  if (input.phone === null) Object.assign(sealed, { phoneEnc: null, phoneHash: null, phoneMasked: null });
  else if (input.phone !== undefined) {
    const phone = sealPhone(cipher, input.phone);
    if (!phone.ok) problems.push(fieldProblem(fields.phone, phone.reason, phone.message));
    else
      Object.assign(sealed, {
        phoneEnc: phone.value.enc,
        phoneHash: phone.value.hash,
        phoneMasked: phone.value.masked,
      });
  }
  return { sealed, problems };
}

export async function listOwners(opts: {
  db: Db;
  actor: Actor;
  code: string;
  query: z.infer<typeof registerListQuerySchema>;
}) {
  const compound = await getScopedCompound(opts.db, opts.actor, opts.code);
  const rows = await repo.listOwners(opts.db, {
    compoundCode: compound.code,
    ...opts.query,
    limit: opts.query.limit + 1,
  });
  const page = rows.slice(0, opts.query.limit);
  const counts = await repo.unitCountsOf(
    opts.db,
    page.map((r) => r.id),
  );
  return {
    items: page.map((r) => toOwnerView(r, counts.get(r.id) ?? 0)),
    nextCursor: rows.length > opts.query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

async function checkUnique(q: Q, compoundCode: string, owner: Partial<OwnerRow>, exceptId?: string) {
  if (owner.idNumberHash) {
    const same = await repo.findOwnerByIdHash(q, compoundCode, owner.idNumberHash);
    if (same && same.id !== exceptId) throw ownersErrors.ownerExists();
  }
  if (owner.kind === 'developer') {
    const developer = await repo.findDeveloper(q, compoundCode);
    if (developer && developer.id !== exceptId) throw ownersErrors.developerExists();
  }
}

export async function createOwner(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  code: string;
  input: z.infer<typeof ownerBodySchema>;
}) {
  const { db, actor, input } = opts;
  const id = newId();
  const row = await db.transaction().execute(async (trx) => {
    const compound = await getScopedCompound(trx, actor, opts.code, 'owners.write');
    const { sealed, problems } = await sealOwnerNumbers(trx, opts.cipher, input);
    problems.unshift(...ownerProblems(input));
    if (problems.length > 0) throw ownersErrors.invalidOwner(problems);
    const owner: OwnerRow = {
      id,
      compoundCode: compound.code,
      path: compound.path,
      name: input.name,
      kind: input.kind,
      residentId: null,
      idNumberEnc: null,
      idNumberHash: null,
      idNumberMasked: null,
      phoneEnc: null,
      phoneHash: null,
      phoneMasked: null,
      ...sealed,
      createdAt: new Date().toISOString(),
    };
    await checkUnique(trx, compound.code, owner);
    await repo.insertOwners(trx, [owner]);
    await appendAudit(trx, {
      actor,
      action: 'owners.owner.create',
      targetType: 'owner',
      targetId: id,
      scopePath: compound.path,
      summary: { kind: owner.kind, idNumber: owner.idNumberMasked, phone: owner.phoneMasked },
    });
    return owner;
  });
  return toOwnerView(row, 0);
}

export async function updateOwner(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  id: string;
  input: z.infer<typeof ownerPatchSchema>;
}) {
  const { db, actor, id, input } = opts;
  await db.transaction().execute(async (trx) => {
    const row = checkRecordScope(
      actor,
      'owners.write',
      await repo.findOwner(trx, id),
      ownersErrors.ownerNotFound,
    );
    const kind = input.kind ?? row.kind;
    const { sealed, problems } = await sealOwnerNumbers(trx, opts.cipher, input);
    const idNumberKept = input.idNumber === undefined && row.idNumberHash !== null;
    problems.unshift(...ownerProblems({ kind, idNumber: idNumberKept ? 'kept' : input.idNumber }));
    if (problems.length > 0) throw ownersErrors.invalidOwner(problems);
    await checkUnique(trx, row.compoundCode, { ...sealed, kind }, id);
    await repo.updateOwner(trx, id, { ...sealed, name: input.name ?? row.name, kind });
    await appendAudit(trx, {
      actor,
      action: 'owners.owner.update',
      targetType: 'owner',
      targetId: id,
      scopePath: row.path,
      summary: { changed: Object.keys(input) },
    });
  });
  const row = (await repo.findOwner(db, id))!;
  return toOwnerView(row, (await repo.unitCountsOf(db, [id])).get(id) ?? 0);
}

export async function deleteOwner(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  await db.transaction().execute(async (trx) => {
    const row = checkRecordScope(
      actor,
      'owners.write',
      await repo.findOwner(trx, id),
      ownersErrors.ownerNotFound,
    );
    if (((await repo.unitCountsOf(trx, [id])).get(id) ?? 0) > 0) throw ownersErrors.ownerInUse();
    await repo.deleteOwner(trx, id);
    await appendAudit(trx, {
      actor,
      action: 'owners.owner.delete',
      targetType: 'owner',
      targetId: id,
      scopePath: row.path,
      summary: { kind: row.kind },
    });
  });
}
