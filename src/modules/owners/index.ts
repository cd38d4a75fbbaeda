// The owners module's public surface (CAPABILITIES §1.5, §3.2): what other modules and the server
// may import. Register, committees, formations, watch lists and disclosures come first; the
// owners'-meeting votes follow in their own block.

import { registerPathRewriter } from '../areas/index';
import { rewritePaths } from './owners.paths.repository';

// A compound that moves in the area tree takes its register, committees, formations, votes and
// disclosures with it, in the same transaction (registered once, when the module is loaded).
registerPathRewriter(rewritePaths);

// ---- Register, committees, formations, watch lists, disclosures
export {
  COMMITTEE_MIN_MEMBERS,
  committeeSizeProblems,
  filingState,
  MAX_TERM_YEARS,
  PARTY_SHARE_TARGET,
  partyShare,
  preparatoryGroupProblems,
  reelectionWatch,
  termProblems,
} from './owners.committee-rules';
export { activeCommitteeOf } from './owners.committees.repository';
export { ownersErrors } from './owners.errors';
// ---- Owners' meeting votes (Civil Code art. 278; SPC interpretation arts. 8–9)
export type { FirstMeetingCheck } from './owners.first-meeting';
export { firstMeetingTriggered } from './owners.first-meeting';
export type { FormationStep } from './owners.formation-machine';
export { stepAfter, takeStep } from './owners.formation-machine';
export type { CountedOwner, OwnersHeadcount, OwnersUnit } from './owners.headcount';
export { countOwnersHeadcount, exclusiveArea } from './owners.headcount';
export { loadRegisterFigures } from './owners.register.service';
export type { RegisterFigures, RegisterUnit } from './owners.register-figures';
export { registerFigures, unitArea } from './owners.register-figures';
export { ownersRoutes } from './owners.routes';
export type { OwnersTables } from './owners.table';
export {
  COMMITTEE_POSTS,
  DISCLOSURE_KINDS,
  FORMATION_STEPS,
  OWNER_KINDS,
  UNIT_USE_KINDS,
} from './owners.table';
export type { OwnersMatterItem, OwnersVoteTally } from './owners.vote-tally';
export { OWNERS_MATTER_ITEMS, tallyOwnersVote, thresholdFor } from './owners.vote-tally';
export type { Elector, FrozenElectorate } from './owners.votes.electorate';
export { areaText, freezeElectorate } from './owners.votes.electorate';
export { ownersVotesErrors } from './owners.votes.errors';
export { ownersVotesRoutes } from './owners.votes.routes';
export type { OwnersVotesTables } from './owners.votes.table';
export type { TallyView, Turnout } from './owners.votes.turnout';
export { countTurnout, tallyView } from './owners.votes.turnout';
