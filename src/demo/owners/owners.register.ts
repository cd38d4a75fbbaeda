// One compound's owners' register: an exclusive unit (专有部分) for every household of the tree, the
// later phases' flats the developer has not handed over, shops on the street front and parking
// spaces; and who holds each one. Mostly the head of the household living there (with the spouse
// as co-owner on many flats), a landlord living elsewhere where tenants live, now and then an
// investor with two or three flats, the developer for everything unsold or not yet handed over.

import type { Random } from '../../lib/random';
import { ageOn } from '../people/people.ids';
import { addDays, type GridIds, minDate } from './owners.ids';
import type { OutsiderMaker } from './owners.people';
import type { CompoundProfile } from './owners.profile';
import { developerName, firmName } from './owners.texts';
import type { CompoundSpot, OwnersRows, ResidentFacts, Row, SealedColumns } from './owners.types';

/** Who holds a unit, as SPC interpretation art. 9 counts: one key, one owner. */
export interface Holder {
  key: string;
  ownerIds: string[];
  developer: boolean;
}

/** An owner who lives in the compound and could sit on its committee. */
export interface EligibleOwner {
  ownerId: string;
  name: string;
  partyMemberId: string | null;
  age: number;
}

export interface Register {
  /** Each unit's exclusive area (art. 8's order) and delivery day, for Shandong art. 20. */
  units: { area: string; deliveredOn: string | null }[];
  /** The distinct holders: art. 9's headcount. */
  holders: Set<string>;
  eligible: EligibleOwner[];
  developer: boolean;
}

export interface RegisterInput {
  random: Random;
  compound: CompoundSpot;
  profile: CompoundProfile;
  residents: ReadonlyMap<string, readonly ResidentFacts[]>;
  outsiders: OutsiderMaker;
  ids: GridIds;
  out: OwnersRows;
  today: string;
  stamp: string;
}

type AreaRecord = 'register' | 'survey' | 'contract';
type UseKind = Row<'ownerUnits'>['useKind'];
const NO_NUMBERS: SealedColumns = {
  idNumberEnc: null,
  idNumberHash: null,
  idNumberMasked: null,
  phoneEnc: null,
  phoneHash: null,
  phoneMasked: null,
};
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function drawRegister(input: RegisterInput): Register {
  const { random, compound, profile, ids, out, today, stamp } = input;
  const register: Register = { units: [], holders: new Set(), eligible: [], developer: false };
  const lastDay = addDays(today, -1);
  const ownerOfResident = new Map<string, string>();
  const residentHolders: Holder[] = [];
  const investors: { holder: Holder; units: number }[] = [];
  const firms: Holder[] = [];
  let developer: Holder | null = null;
  let outsiders = 0;

  const owner = (
    key: string,
    fields: Pick<Row<'owners'>, 'name' | 'kind' | 'residentId'> & SealedColumns,
  ) => {
    const id = ids.owners(`${compound.code}:${key}`);
    out.owners.push({ id, compoundCode: compound.code, path: compound.path, ...fields, createdAt: stamp });
    return id;
  };
  const resident = (r: ResidentFacts): string => {
    const known = ownerOfResident.get(r.id);
    if (known) return known;
    // The resident's sealed numbers are copied as they are: same cipher, same blind index, same mask.
    const id = owner(`resident:${r.id}`, {
      name: r.name,
      kind: 'person',
      residentId: r.id,
      idNumberEnc: r.idNumberEnc,
      idNumberHash: r.idNumberHash,
      idNumberMasked: r.idNumberMasked,
      phoneEnc: r.phoneEnc,
      phoneHash: r.phoneHash,
      phoneMasked: r.phoneMasked,
    });
    ownerOfResident.set(r.id, id);
    const age = r.birthDate ? ageOn(r.birthDate, today) : 0;
    if (age >= 25 && age <= 80)
      register.eligible.push({ ownerId: id, name: r.name, partyMemberId: r.partyMemberId, age });
    return id;
  };
  const outsider = (): Holder => {
    const person = input.outsiders.make(random);
    const key = `outsider:${++outsiders}`;
    const { name, ...numbers } = person;
    return {
      key,
      ownerIds: [owner(key, { name, kind: 'person', residentId: null, ...numbers })],
      developer: false,
    };
  };
  const landlord = (): Holder => {
    const open = investors.filter((i) => i.units < 3);
    if (open.length > 0 && random.next() < 0.2) {
      const investor = random.pick(open);
      investor.units += 1;
      return investor.holder;
    }
    const holder = outsider();
    if (random.next() < 0.3) investors.push({ holder, units: 1 });
    return holder;
  };
  const developerHolder = (): Holder => {
    developer ??= {
      key: 'developer',
      ownerIds: [
        owner('developer', {
          name: developerName(random, compound.name),
          kind: 'developer',
          residentId: null,
          ...NO_NUMBERS,
        }),
      ],
      developer: true,
    };
    register.developer = true;
    return developer;
  };
  const firm = (): Holder => {
    if (firms.length > 0 && random.next() < 0.3) return random.pick(firms);
    const key = `firm:${firms.length + 1}`;
    const holder = {
      key,
      ownerIds: [
        owner(key, { name: firmName(random), kind: 'organisation', residentId: null, ...NO_NUMBERS }),
      ],
      developer: false,
    };
    firms.push(holder);
    return holder;
  };
  const flatHolder = (householdCode: string): Holder => {
    const members = input.residents.get(householdCode) ?? [];
    const head = members.find((m) => m.relationToHead === 'head');
    const rented = !head
      ? 1
      : head.residenceType === 'floating'
        ? 0.85
        : head.residenceType === 'resident_non_registered'
          ? 0.3
          : 0.07;
    if (!head || random.next() < rented) return landlord();
    const ownerIds = [resident(head)];
    const spouse = members.find((m) => m.relationToHead === 'spouse');
    if (spouse && random.next() < 0.45) ownerIds.push(resident(spouse));
    const holder = { key: `household:${householdCode}`, ownerIds, developer: false };
    residentHolders.push(holder);
    return holder;
  };

  const recordKind = (): AreaRecord => {
    const x = random.next();
    if (x < profile.registeredShare) return 'register';
    return x < profile.registeredShare + profile.contractOnlyShare && profile.commercial
      ? 'contract'
      : 'survey';
  };
  const unit = (u: {
    key: string;
    householdCode: string | null;
    path: string;
    label: string;
    useKind: UseKind;
    area: number;
    deliveredOn: string | null;
    holder: Holder;
    record: AreaRecord;
  }) => {
    const id = ids.ownerUnits(`${compound.code}:${u.key}`);
    const area = u.area.toFixed(2);
    // The sale contract's area differs a little from the survey (面积差), within the 3% buyers accept.
    const contract = profile.commercial ? (u.area * (1 + random.float(-0.03, 0.02))).toFixed(2) : null;
    const registeredArea = u.record === 'register' ? area : null;
    const surveyedArea = u.record === 'contract' ? null : area;
    const contractArea = u.record === 'contract' ? area : contract;
    out.ownerUnits.push({
      id,
      compoundCode: compound.code,
      householdCode: u.householdCode,
      path: u.path,
      label: u.label,
      useKind: u.useKind,
      registeredArea,
      surveyedArea,
      contractArea,
      deliveredOn: u.deliveredOn,
      developerUnsold: u.holder.developer ? 1 : 0,
      createdAt: stamp,
      updatedAt: stamp,
    });
    for (const ownerId of u.holder.ownerIds) out.unitOwnerships.push({ unitId: id, ownerId, share: null });
    register.holders.add(u.holder.key);
    register.units.push({
      area: registeredArea ?? surveyedArea ?? contractArea ?? area,
      deliveredOn: u.deliveredOn,
    });
  };

  // Flats: every floor of a building repeats its plans; a walk-up's top floor may have an attic.
  compound.buildings.forEach((building, index) => {
    const tower = building.floors > 6;
    const plans = new Map<number, number>();
    const attic = !tower && random.next() < 0.35;
    const handedOver =
      index === 0
        ? profile.firstDelivery
        : addDays(profile.firstDelivery, random.int(0, profile.deliverySpan));
    for (const h of building.households) {
      let area = plans.get(h.room) ?? (tower ? random.float(78, 148) : random.float(52, 112));
      plans.set(h.room, area);
      if (attic && h.floor === building.floors) area = Math.min(160, area * 1.3);
      unit({
        key: h.code,
        householdCode: h.code,
        path: h.path,
        label: h.name,
        useKind: 'residence',
        area,
        deliveredOn: minDate(addDays(handedOver, random.int(0, 25)), lastDay),
        holder: flatHolder(h.code),
        record: recordKind(),
      });
    }
  });
  // Later phases: 18-floor towers of two stairs, two flats a floor, on the developer's books.
  for (let i = 0; i < profile.undelivered; i++) {
    const within = i % 72;
    const floor = Math.floor((within % 36) / 2) + 1;
    unit({
      key: `phase:${i}`,
      householdCode: null,
      path: compound.path,
      label: `${compound.buildings.length + 1 + Math.floor(i / 72)}号楼${Math.floor(within / 36) + 1}单元${pad(floor, 2)}${pad((within % 2) + 1, 2)}室`,
      useKind: 'residence',
      area: random.float(85, 145),
      deliveredOn: null,
      holder: developerHolder(),
      record: random.next() < 0.7 ? 'survey' : 'contract',
    });
  }
  for (let i = 0; i < profile.shops; i++) {
    const x = random.next();
    const holder =
      x < 0.15 && profile.firstDelivery >= '2010-01-01'
        ? developerHolder()
        : x < 0.35
          ? firm()
          : x < 0.45 && residentHolders.length > 0
            ? random.pick(residentHolders)
            : landlord();
    unit({
      key: `shop:${i}`,
      householdCode: null,
      path: compound.path,
      label: `沿街商铺${i + 1}号`,
      useKind: 'shop',
      area: random.float(28, 160),
      deliveredOn: holder.developer
        ? null
        : minDate(addDays(profile.firstDelivery, random.int(0, 400)), lastDay),
      holder,
      record: holder.developer ? 'survey' : recordKind(),
    });
  }
  for (let i = 0; i < profile.parking; i++) {
    const sold = random.next() < profile.parkingSoldShare;
    const holder = !sold
      ? developerHolder()
      : residentHolders.length > 0 && random.next() < 0.9
        ? random.pick(residentHolders)
        : landlord();
    unit({
      key: `parking:${i}`,
      householdCode: null,
      path: compound.path,
      label: `地下车位B1-${pad(i + 1, 3)}`,
      useKind: 'parking',
      area: random.float(12, 16.5),
      deliveredOn: sold ? minDate(addDays(profile.firstDelivery, random.int(30, 900)), lastDay) : null,
      holder,
      // Many parking spaces never get a certificate: the contract is all there is.
      record: !sold ? 'survey' : random.next() < 0.5 ? recordKind() : 'contract',
    });
  }
  return register;
}
