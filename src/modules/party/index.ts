// The party module's public surface (CAPABILITIES §1.1, §1.4).

import { registerPathRewriter } from '../areas/index';
import { rewritePaths } from './party.repository';

// A place that moves in the area tree takes its organisations, links, life records and
// transfers with it, in the same transaction (registered once, when the module is loaded).
registerPathRewriter(rewritePaths);

export { countReached, isChainIntact } from './party.chain-reach';
export { evaluateBranch } from './party.entity-operation';
export { DEFAULT_CHECKLIST, ensureDefaultChecklist } from './party.operation.service';
export { partyRoutes } from './party.routes';
export type { PartyOrgKind, PartyTables } from './party.table';
export { ORG_KIND_AREA_LEVEL, PARTY_ORG_KINDS } from './party.table';
