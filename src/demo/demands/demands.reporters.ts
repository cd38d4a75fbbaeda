// The residents who file the demo demands: a name and a mobile number each, sealed as intake seals
// them — the name encrypted and masked, the phone through the people module's sealing (encrypted,
// blind index, masked). No plaintext reaches a row.

import type { FieldCipher } from '../../lib/field-crypto';
import { maskName } from '../../lib/mask';
import type { Random } from '../../lib/random';
import { sealPhone } from '../../modules/people/index';
import { drawGivenName, drawSurname } from '../people/people.names';

const PREFIXES = [
  '133',
  '135',
  '137',
  '138',
  '139',
  '150',
  '153',
  '155',
  '158',
  '166',
  '176',
  '177',
  '180',
  '185',
  '186',
  '188',
  '189',
  '199',
];

export interface Reporter {
  name: string;
  phone: string;
}

export function drawReporter(random: Random, thisYear: number): Reporter {
  const birthYear = thisYear - random.int(20, 82);
  const gender = random.next() < 0.5 ? 'male' : 'female';
  const name = `${drawSurname(random)}${drawGivenName(random, gender, birthYear)}`;
  const phone = `${random.pick(PREFIXES)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
  return { name, phone };
}

export interface SealedReporter {
  reporterNameEnc: string;
  reporterNameMasked: string;
  reporterPhoneEnc: string;
  reporterPhoneHash: string;
  reporterPhoneMasked: string;
}

export function sealReporter(cipher: FieldCipher, reporter: Reporter): SealedReporter {
  const phone = sealPhone(cipher, reporter.phone);
  if (!phone.ok) throw new Error(`the demands demo made a phone number the rules refuse: ${phone.reason}`);
  return {
    reporterNameEnc: cipher.encrypt(reporter.name),
    reporterNameMasked: maskName(reporter.name),
    reporterPhoneEnc: phone.value.enc,
    reporterPhoneHash: phone.value.hash,
    reporterPhoneMasked: phone.value.masked,
  };
}
