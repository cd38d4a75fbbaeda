// The people module's public surface: what other modules and the server may import.
import { registerPathRewriter, registerResidentCounter } from '../areas/index';
import { rewritePaths } from './people.repository';
import { countResidentsBelow } from './people.residents.service';

// Residents, roles on places, party members and talents carry the path of their place: when the
// area tree moves a compound or a grid, they move with it, in the same transaction. Registered
// once, when this module is first loaded.
registerPathRewriter((trx, { oldPath, newPath }) => rewritePaths(trx, oldPath, newPath));
// The grid profile counts residents from these records.
registerResidentCounter(countResidentsBelow);

export {
  getReferencedResident,
  getResidentFor,
  getWritableHousehold,
  residentScopes,
} from './people.access';
export { ageOn, birthRangeForAges } from './people.age';
export { peopleErrors } from './people.errors';
export { peopleLedgerRoutes } from './people.ledger.routes';
export type { SealedIdNumber, SealedNumber } from './people.personal-data';
export { idNumberSearchHash, phoneSearchHash, sealIdNumber, sealPhone } from './people.personal-data';
export { PLACE_ROLE_LEVEL } from './people.place-roles.service';
export type { Place } from './people.places';
export { findResidentsByIdNumberHashes, findResidentsByIds } from './people.repository';
export type { FieldLabels, ResidentFields, ResidentInput } from './people.resident-rules';
export { checkResidentInput, RELATION_ALIASES, RESIDENCE_ALIASES } from './people.resident-rules';
export { countResidentsBelow, insertCheckedResident } from './people.residents.service';
export { peopleRoutes } from './people.routes';
export type { PeopleTables, PlaceRoleRow, ResidentRow } from './people.table';
export {
  GENDERS,
  PLACE_ROLES,
  RELATIONS_TO_HEAD,
  RESIDENCE_TYPES,
  RESIDENT_STATUSES,
} from './people.table';
export { revealResidentNumbers } from './people.unmask.service';
export type { ResidentView } from './people.views';
export { toResidentView } from './people.views';
