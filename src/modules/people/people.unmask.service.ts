import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { type Actor, appendAudit } from '../iam/index';
import { getResidentFor } from './people.access';

type Db = Kysely<Database>;
export type RevealableField = 'idNumber' | 'phone';

/**
 * The full ID number and phone of one resident, for holders of `people.unmask` over the resident's
 * place (grid workers and officials of that place; never the auditor, whose role is read-only).
 * Every reading is written to the hash-chained audit log — who, whom, why, which fields — and the
 * entry is committed before any plaintext leaves: no entry, no numbers (PIPL art. 51; DESIGN.md,
 * Security). Without the permission anywhere: 403; outside the caller's scope: 404.
 */
export async function revealResidentNumbers(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  id: string;
  input: { reason: string; fields?: RevealableField[] | undefined };
}) {
  const { db, cipher, actor, input } = opts;
  const row = await getResidentFor(db, actor, opts.id, 'people.unmask');
  const asked = new Set<RevealableField>(input.fields ?? ['idNumber', 'phone']);
  const idNumber = asked.has('idNumber') && row.idNumberEnc ? cipher.decrypt(row.idNumberEnc) : null;
  const phone = asked.has('phone') && row.phoneEnc ? cipher.decrypt(row.phoneEnc) : null;
  const revealed = [...(idNumber ? ['idNumber'] : []), ...(phone ? ['phone'] : [])];
  const auditSeq = await db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor,
      action: 'people.unmasked',
      targetType: 'resident',
      targetId: row.id,
      scopePath: row.path,
      // The reason and the field names; never the numbers themselves.
      summary: { reason: input.reason, fields: revealed },
    }),
  );
  return { idNumber, phone, auditSeq };
}
