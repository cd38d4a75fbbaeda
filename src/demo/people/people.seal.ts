// Turns generated residents into rows: every ID number and phone goes through the people module's
// own sealing (checked, normalised, AES-256-GCM ciphertext, blind index, masked form), exactly as a
// number typed into the console would. No plaintext number reaches a row.

import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { sealIdNumber, sealPhone } from '../../modules/people/index';
import type { DemoResident } from './people.residents';

export type ResidentInsert = Insertable<Database['residents']>;

export interface SealedNumbers {
  idEnc: string;
  idHash: string;
  idMasked: string;
  birthDate: string;
  gender: 'male' | 'female';
  phoneEnc: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
}

/** Seals one resident's numbers; a number the rules refuse is a generator bug, and says so. */
export function sealNumbers(
  cipher: FieldCipher,
  numbers: { idNumber: string; phone: string | null },
  today: string,
): SealedNumbers {
  const id = sealIdNumber(cipher, numbers.idNumber, today);
  if (!id.ok) throw new Error(`demo generator made an ID number the rules refuse: ${id.reason}`);
  const phone = numbers.phone === null ? null : sealPhone(cipher, numbers.phone);
  if (phone && !phone.ok)
    throw new Error(`demo generator made a phone number the rules refuse: ${phone.reason}`);
  return {
    idEnc: id.value.enc,
    idHash: id.value.hash,
    idMasked: id.value.masked,
    birthDate: id.value.birthDate,
    gender: id.value.gender,
    phoneEnc: phone?.value.enc ?? null,
    phoneHash: phone?.value.hash ?? null,
    phoneMasked: phone?.value.masked ?? null,
  };
}

/** Seals a batch of residents' numbers: in this thread, or in a worker (people.seal-pool.ts). */
export type Sealer = (
  numbers: readonly { idNumber: string; phone: string | null }[],
  today: string,
) => Promise<SealedNumbers[]>;

export function inThreadSealer(cipher: FieldCipher): Sealer {
  return async (numbers, today) => numbers.map((n) => sealNumbers(cipher, n, today));
}

/** The resident rows, their numbers sealed; the birth date and sex the number encodes must agree with the row. */
export function residentRows(
  residents: readonly DemoResident[],
  sealed: readonly SealedNumbers[],
  stamp: string,
) {
  return residents.map((r, i): ResidentInsert => {
    const s = sealed[i]!;
    if (s.birthDate !== r.birthDate || s.gender !== r.gender)
      throw new Error(
        `demo resident ${r.id}: the ID number does not encode the resident's birth date and sex`,
      );
    return {
      id: r.id,
      householdCode: r.householdCode,
      path: r.path,
      name: r.name,
      gender: r.gender,
      birthDate: r.birthDate,
      ethnicity: r.ethnicity,
      idNumberEnc: s.idEnc,
      idNumberHash: s.idHash,
      idNumberMasked: s.idMasked,
      phoneEnc: s.phoneEnc,
      phoneHash: s.phoneHash,
      phoneMasked: s.phoneMasked,
      relationToHead: r.relationToHead,
      residenceType: r.residenceType,
      status: 'active',
      note: null,
      createdAt: stamp,
      updatedAt: stamp,
    };
  });
}
