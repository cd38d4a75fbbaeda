import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallCity, rect } from '../modules/areas/areas.fixtures';
import { buildTreeWorkbook, chinaToday, XLSX_TYPE } from '../modules/areas/index';
import { buildStreetBDemand, type StreetBDemand } from '../modules/demands/demands.scope.fixtures';
import { buildStreetBOwners } from '../modules/owners/owners.fixtures';
import { buildStreetBVote } from '../modules/owners/owners.votes.fixtures';
import { buildStreetBParty } from '../modules/party/party.fixtures';
import { buildLedgerWorkbook } from '../modules/people/people.ledger.fixtures';
import { createTestApp, type Session, type TestApp } from './testing';

// "A user scoped to one street gets 403/404 for another street's records on every route there is."
// Every route the app registers must appear below: as a record route called with street B's
// record, as a list whose answer must not mention street B, or as exempt with the reason.

const STREET_A = '3716/371602/371602001';
const STREET_B = '3716/371602/371602002';
let t: TestApp;
let official: Session;
let talentB: string;
let partyB: Awaited<ReturnType<typeof buildStreetBParty>>;
let ownersB: Awaited<ReturnType<typeof buildStreetBOwners>>;
let voteB: Awaited<ReturnType<typeof buildStreetBVote>>;
let demandB: StreetBDemand;
let b: { userId: string; tokenId: string; residentId: string; placeRoleId: string };

const today = chinaToday();
const BUILDING_B = '37160200200100101001';
const HOUSEHOLD_B1 = `${BUILDING_B}010101`;
const HOUSEHOLD_B2 = `${BUILDING_B}010102`;

const RECORD_ROUTES: Record<string, () => { url: string; body?: unknown }> = {
  'GET /api/v1/iam/users/:id': () => ({ url: `/api/v1/iam/users/${b.userId}` }),
  'PATCH /api/v1/iam/users/:id': () => ({ url: `/api/v1/iam/users/${b.userId}`, body: { displayName: 'x' } }),
  'POST /api/v1/iam/users/:id/reset-password': () => ({
    url: `/api/v1/iam/users/${b.userId}/reset-password`,
    body: {},
  }),
  'POST /api/v1/iam/tokens/:id/revoke': () => ({ url: `/api/v1/iam/tokens/${b.tokenId}/revoke` }),
  'POST /api/v1/iam/users': () => ({
    url: '/api/v1/iam/users',
    body: {
      username: 'intruder',
      displayName: 'x',
      password: 'Strong-Pass-2026',
      homeScopePath: STREET_B,
      assignments: [{ role: 'grid_worker', scopePath: STREET_B }],
    },
  }),
  'POST /api/v1/iam/tokens': () => ({
    url: '/api/v1/iam/tokens',
    body: { name: 'x', role: 'resident', scopePath: STREET_B },
  }),
  'GET /api/v1/areas/nodes/:code': () => ({ url: '/api/v1/areas/nodes/371602002001' }),
  'GET /api/v1/areas/nodes/:code/children': () => ({ url: '/api/v1/areas/nodes/371602002001/children' }),
  'GET /api/v1/areas/nodes/:code/history': () => ({ url: '/api/v1/areas/nodes/371602002001/history' }),
  'GET /api/v1/areas/tree': () => ({ url: '/api/v1/areas/tree?root=371602002' }),
  'GET /api/v1/areas/geojson': () => ({ url: '/api/v1/areas/geojson?parent=371602002&level=grid' }),
  'GET /api/v1/areas/grids/:code/profile': () => ({ url: '/api/v1/areas/grids/371602002001001/profile' }),
  'POST /api/v1/areas/grids': () => ({
    url: '/api/v1/areas/grids',
    body: { communityCode: '371602002001', name: 'x', boundary: rect(11, 1, 12, 2), effectiveDate: today },
  }),
  'POST /api/v1/areas/grids/:code/split': () => ({
    url: '/api/v1/areas/grids/371602002001001/split',
    body: {
      effectiveDate: today,
      parts: [
        { name: 'a', boundary: rect(10, 0, 15, 5) },
        { name: 'b', boundary: rect(10, 5, 15, 10) },
      ],
    },
  }),
  'POST /api/v1/areas/grids/merge': () => ({
    url: '/api/v1/areas/grids/merge',
    body: { effectiveDate: today, codes: ['371602002001001', '371602002001002'], name: 'x' },
  }),
  'PATCH /api/v1/areas/nodes/:code': () => ({
    url: '/api/v1/areas/nodes/371602002001001',
    body: { effectiveDate: today, name: 'x' },
  }),
  'POST /api/v1/areas/nodes/:code/move': () => ({
    url: '/api/v1/areas/nodes/37160200200100101/move',
    body: { effectiveDate: today, newParentCode: '371602002001002' },
  }),
  'POST /api/v1/people/residents': () => ({
    url: '/api/v1/people/residents',
    body: {
      householdCode: HOUSEHOLD_B2,
      name: 'x',
      gender: 'male',
      relationToHead: 'head',
      residenceType: 'registered',
    },
  }),
  'POST /api/v1/people/residents/search': () => ({
    url: '/api/v1/people/residents/search',
    body: { areaCode: '371602002' },
  }),
  'GET /api/v1/people/residents/:id': () => ({ url: `/api/v1/people/residents/${b.residentId}` }),
  'PATCH /api/v1/people/residents/:id': () => ({
    url: `/api/v1/people/residents/${b.residentId}`,
    body: { name: 'x' },
  }),
  'POST /api/v1/people/residents/:id/move': () => ({
    url: `/api/v1/people/residents/${b.residentId}/move`,
    body: { toHouseholdCode: HOUSEHOLD_B2, movedOn: today },
  }),
  'GET /api/v1/people/residents/:id/moves': () => ({ url: `/api/v1/people/residents/${b.residentId}/moves` }),
  'POST /api/v1/people/residents/:id/status': () => ({
    url: `/api/v1/people/residents/${b.residentId}/status`,
    body: { status: 'deceased', on: today },
  }),
  'POST /api/v1/people/residents/:id/reveal': () => ({
    url: `/api/v1/people/residents/${b.residentId}/reveal`,
    body: { reason: 'scope test' },
  }),
  'GET /api/v1/people/households/:code': () => ({ url: `/api/v1/people/households/${HOUSEHOLD_B1}` }),
  'POST /api/v1/people/place-roles': () => ({
    url: '/api/v1/people/place-roles',
    body: { residentId: b.residentId, role: 'building_head', areaCode: BUILDING_B, since: today },
  }),
  'POST /api/v1/people/place-roles/:id/end': () => ({
    url: `/api/v1/people/place-roles/${b.placeRoleId}/end`,
    body: { until: today },
  }),
  'GET /api/v1/people/place-roles': () => ({ url: '/api/v1/people/place-roles?areaCode=371602002001001' }),
  'GET /api/v1/people/talents/:id': () => ({ url: `/api/v1/people/talents/${talentB}` }),
  'PATCH /api/v1/people/talents/:id': () => ({
    url: `/api/v1/people/talents/${talentB}`,
    body: { note: 'x' },
  }),
  'DELETE /api/v1/people/talents/:id': () => ({ url: `/api/v1/people/talents/${talentB}` }),
  'POST /api/v1/people/talents': () => ({
    url: '/api/v1/people/talents',
    body: {
      residentId: b.residentId,
      categories: ['retired_cadre'],
      willingness: 'willing',
      availability: 'anytime',
    },
  }),
  'GET /api/v1/people/talents/stats': () => ({ url: '/api/v1/people/talents/stats?area=371602002' }),
  'GET /api/v1/people/exports/residents.xlsx': () => ({
    url: '/api/v1/people/exports/residents.xlsx?areaCode=371602002',
  }),
  'GET /api/v1/people/exports/talents.xlsx': () => ({
    url: '/api/v1/people/exports/talents.xlsx?areaCode=371602002',
  }),
  // Party chain, operation, reach and transfers of street B (party.fixtures.ts buildStreetBParty).
  'GET /api/v1/party/orgs/tree': () => ({ url: '/api/v1/party/orgs/tree?root=371602002' }),
  'GET /api/v1/party/orgs/:id': () => ({ url: `/api/v1/party/orgs/${partyB.branch.id}` }),
  'POST /api/v1/party/orgs': () => ({
    url: '/api/v1/party/orgs',
    body: { kind: 'grid_branch', name: 'x', areaCode: '371602002001002', parentId: partyB.community.id },
  }),
  'PATCH /api/v1/party/orgs/:id': () => ({
    url: `/api/v1/party/orgs/${partyB.branch.id}`,
    body: { name: 'x' },
  }),
  'POST /api/v1/party/orgs/:id/dissolve': () => ({
    url: `/api/v1/party/orgs/${partyB.central.id}/dissolve`,
    body: {},
  }),
  'POST /api/v1/party/orgs/:id/posts': () => ({
    url: `/api/v1/party/orgs/${partyB.branch.id}/posts`,
    body: { memberId: partyB.memberId, post: 'member', since: today },
  }),
  'PATCH /api/v1/party/orgs/:id/posts/:postId': () => ({
    url: `/api/v1/party/orgs/${partyB.branch.id}/posts/${partyB.postId}`,
    body: { until: today },
  }),
  'POST /api/v1/party/orgs/:id/households': () => ({
    url: `/api/v1/party/orgs/${partyB.central.id}/households`,
    body: { householdCodes: [HOUSEHOLD_B2] },
  }),
  'DELETE /api/v1/party/orgs/:id/households/:code': () => ({
    url: `/api/v1/party/orgs/${partyB.central.id}/households/${HOUSEHOLD_B2}`,
  }),
  'GET /api/v1/party/orgs/:id/life-records': () => ({
    url: `/api/v1/party/orgs/${partyB.branch.id}/life-records`,
  }),
  'POST /api/v1/party/orgs/:id/life-records': () => ({
    url: `/api/v1/party/orgs/${partyB.branch.id}/life-records`,
    body: { kind: 'branch_meeting', heldOn: today, topic: 'x', attendees: 3 },
  }),
  'PUT /api/v1/party/checklist': () => ({
    url: '/api/v1/party/checklist',
    body: { items: [{ rule: 'meeting_place', params: {}, labelZh: 'x', labelEn: 'x', active: true }] },
  }),
  'GET /api/v1/party/entity-operation': () => ({ url: '/api/v1/party/entity-operation?area=371602002' }),
  'GET /api/v1/party/entity-operation/branches': () => ({
    url: '/api/v1/party/entity-operation/branches?area=371602002',
  }),
  'GET /api/v1/party/reach': () => ({ url: '/api/v1/party/reach?area=371602002' }),
  'GET /api/v1/party/reach/unreached': () => ({ url: '/api/v1/party/reach/unreached?area=371602002' }),
  'GET /api/v1/party/members': () => ({ url: '/api/v1/party/members?area=371602002' }),
  'GET /api/v1/party/transfers': () => ({ url: '/api/v1/party/transfers?area=371602002' }),
  'GET /api/v1/party/transfers/:id': () => ({ url: `/api/v1/party/transfers/${partyB.transferId}` }),
  'POST /api/v1/party/transfers': () => ({
    url: '/api/v1/party/transfers',
    body: { memberId: partyB.memberId, fromOrgText: 'x', toOrgId: partyB.branch.id },
  }),
  'POST /api/v1/party/transfers/:id/accept': () => ({
    url: `/api/v1/party/transfers/${partyB.transferId}/accept`,
    body: {},
  }),
  'POST /api/v1/party/transfers/:id/refuse': () => ({
    url: `/api/v1/party/transfers/${partyB.transferId}/refuse`,
    body: { reason: 'x' },
  }),
  'POST /api/v1/party/transfers/:id/complete': () => ({
    url: `/api/v1/party/transfers/${partyB.transferId}/complete`,
    body: {},
  }),
  // An owners' meeting vote of street B, open, with a paper entry waiting (owners.votes.fixtures.ts).
  'POST /api/v1/owners/votes': () => ({
    url: '/api/v1/owners/votes',
    body: { compoundCode: voteB.compoundCode, item: 1, title: 'x' },
  }),
  'GET /api/v1/owners/votes/:id': () => ({ url: `/api/v1/owners/votes/${voteB.voteId}` }),
  'PATCH /api/v1/owners/votes/:id': () => ({
    url: `/api/v1/owners/votes/${voteB.voteId}`,
    body: { title: 'x' },
  }),
  'POST /api/v1/owners/votes/:id/open': () => ({ url: `/api/v1/owners/votes/${voteB.voteId}/open` }),
  'POST /api/v1/owners/votes/:id/close': () => ({
    url: `/api/v1/owners/votes/${voteB.voteId}/close`,
    body: {},
  }),
  'POST /api/v1/owners/votes/:id/cancel': () => ({
    url: `/api/v1/owners/votes/${voteB.voteId}/cancel`,
    body: {},
  }),
  'GET /api/v1/owners/votes/:id/tally': () => ({ url: `/api/v1/owners/votes/${voteB.voteId}/tally` }),
  'GET /api/v1/owners/votes/:id/electors': () => ({ url: `/api/v1/owners/votes/${voteB.voteId}/electors` }),
  'POST /api/v1/owners/votes/:id/codes': () => ({ url: `/api/v1/owners/votes/${voteB.voteId}/codes` }),
  'POST /api/v1/owners/votes/:id/codes/reissue': () => ({
    url: `/api/v1/owners/votes/${voteB.voteId}/codes/reissue`,
    body: { voterKey: voteB.voterKey },
  }),
  'GET /api/v1/owners/votes/:id/paper-entries': () => ({
    url: `/api/v1/owners/votes/${voteB.voteId}/paper-entries`,
  }),
  'POST /api/v1/owners/votes/:id/paper-entries': () => ({
    url: `/api/v1/owners/votes/${voteB.voteId}/paper-entries`,
    body: { voterKey: voteB.voterKey, choice: 'for' },
  }),
  'POST /api/v1/owners/votes/:id/paper-entries/:entryId/confirm': () => ({
    url: `/api/v1/owners/votes/${voteB.voteId}/paper-entries/${voteB.entryId}/confirm`,
    body: { choice: 'for' },
  }),
  'POST /api/v1/owners/votes/:id/paper-entries/:entryId/discard': () => ({
    url: `/api/v1/owners/votes/${voteB.voteId}/paper-entries/${voteB.entryId}/discard`,
    body: {},
  }),
  // Owners' register, committees, formations, watch lists and disclosures of street B (owners.fixtures.ts).
  'GET /api/v1/owners/compounds': () => ({ url: '/api/v1/owners/compounds?area=371602002' }),
  'GET /api/v1/owners/stats': () => ({ url: '/api/v1/owners/stats?area=371602002' }),
  'GET /api/v1/owners/compounds/:code': () => ({ url: `/api/v1/owners/compounds/${ownersB.compound}` }),
  'GET /api/v1/owners/compounds/:code/register': () => ({
    url: `/api/v1/owners/compounds/${ownersB.compound}/register`,
  }),
  'GET /api/v1/owners/compounds/:code/units': () => ({
    url: `/api/v1/owners/compounds/${ownersB.compound}/units`,
  }),
  'POST /api/v1/owners/compounds/:code/units': () => ({
    url: `/api/v1/owners/compounds/${ownersB.compound}/units`,
    body: { label: 'x', registeredArea: '1' },
  }),
  'PATCH /api/v1/owners/units/:id': () => ({
    url: `/api/v1/owners/units/${ownersB.unitId}`,
    body: { label: 'x' },
  }),
  'DELETE /api/v1/owners/units/:id': () => ({ url: `/api/v1/owners/units/${ownersB.unitId}` }),
  'GET /api/v1/owners/compounds/:code/owners': () => ({
    url: `/api/v1/owners/compounds/${ownersB.compound}/owners`,
  }),
  'POST /api/v1/owners/compounds/:code/owners': () => ({
    url: `/api/v1/owners/compounds/${ownersB.compound}/owners`,
    body: { name: 'x' },
  }),
  'PATCH /api/v1/owners/owners/:id': () => ({
    url: `/api/v1/owners/owners/${ownersB.ownerId}`,
    body: { name: 'x' },
  }),
  'DELETE /api/v1/owners/owners/:id': () => ({ url: `/api/v1/owners/owners/${ownersB.ownerId}` }),
  // The compound is checked before the file: a workbook or none, street B's compound is not found.
  'POST /api/v1/owners/compounds/:code/imports/register': () => ({
    url: `/api/v1/owners/compounds/${ownersB.compound}/imports/register?dryRun=false`,
    body: {},
  }),
  'POST /api/v1/owners/compounds/:code/committees': () => ({
    url: `/api/v1/owners/compounds/${ownersB.compound}/committees`,
    body: { electedOn: today, termEnd: today, members: [{ ownerId: ownersB.ownerId, post: 'chair' }] },
  }),
  'POST /api/v1/owners/committees/:id/filing': () => ({
    url: `/api/v1/owners/committees/${ownersB.committeeId}/filing`,
    body: { filedOn: today, filingAuthority: 'x' },
  }),
  'GET /api/v1/owners/compounds/:code/disclosures': () => ({
    url: `/api/v1/owners/compounds/${ownersB.compound}/disclosures`,
  }),
  'POST /api/v1/owners/compounds/:code/disclosures': () => ({
    url: `/api/v1/owners/compounds/${ownersB.compound}/disclosures`,
    body: { kind: 'notice', title: 'x', body: 'x' },
  }),
  'GET /api/v1/owners/formations': () => ({ url: '/api/v1/owners/formations?area=371602002' }),
  'GET /api/v1/owners/formations/:id': () => ({ url: `/api/v1/owners/formations/${ownersB.formationId}` }),
  'POST /api/v1/owners/compounds/:code/formations': () => ({
    url: `/api/v1/owners/compounds/${ownersB.compound}/formations`,
    body: { approver: 'x', documents: [{ title: 'x' }] },
  }),
  'POST /api/v1/owners/formations/:id/steps': () => ({
    url: `/api/v1/owners/formations/${ownersB.formationId}/steps`,
    body: {
      step: 'preparatory_group',
      approver: 'x',
      documents: [{ title: 'x' }],
      members: Array.from({ length: 7 }, (_, i) => ({ name: `x${i}`, affiliation: 'street' })),
    },
  }),
  'POST /api/v1/owners/formations/:id/abandon': () => ({
    url: `/api/v1/owners/formations/${ownersB.formationId}/abandon`,
    body: { reason: 'x' },
  }),
  'GET /api/v1/owners/watch-lists/missing-committees': () => ({
    url: '/api/v1/owners/watch-lists/missing-committees?area=371602002',
  }),
  'GET /api/v1/owners/watch-lists/missing-committees.xlsx': () => ({
    url: '/api/v1/owners/watch-lists/missing-committees.xlsx?area=371602002',
  }),
  'GET /api/v1/owners/watch-lists/reelections': () => ({
    url: '/api/v1/owners/watch-lists/reelections?area=371602002',
  }),
  'GET /api/v1/owners/watch-lists/reelections.xlsx': () => ({
    url: '/api/v1/owners/watch-lists/reelections.xlsx?area=371602002',
  }),
  // Demands of street B (demands.scope.fixtures.ts): a dispatched demand with a photo and a whistle.
  'POST /api/v1/demands': () => ({
    url: '/api/v1/demands',
    body: {
      categoryCode: demandB.categoryCode,
      description: 'x',
      channel: 'hotline',
      location: { lng: 12, lat: 5 },
    },
  }),
  'POST /api/v1/demands/:id/follow': () => ({ url: `/api/v1/demands/${demandB.demandId}/follow` }),
  'GET /api/v1/demands/files/:sha256': () => ({ url: `/api/v1/demands/files/${demandB.sha256}` }),
  'GET /api/v1/demands/:id': () => ({ url: `/api/v1/demands/${demandB.demandId}` }),
  'GET /api/v1/demands/:id/responsible-options': () => ({
    url: `/api/v1/demands/${demandB.demandId}/responsible-options`,
  }),
  'POST /api/v1/demands/:id/actions': () => ({
    url: `/api/v1/demands/${demandB.demandId}/actions`,
    body: { action: 'note', note: 'x' },
  }),
  'POST /api/v1/demands/:id/reporter/reveal': () => ({
    url: `/api/v1/demands/${demandB.demandId}/reporter/reveal`,
    body: { reason: '回访核实' },
  }),
  'GET /api/v1/demands/rates': () => ({ url: '/api/v1/demands/rates?areaCode=371602002' }),
  'GET /api/v1/demands/rates/demands': () => ({
    url: '/api/v1/demands/rates/demands?areaCode=371602002&figure=demands',
  }),
  'GET /api/v1/demands/rates/ranking': () => ({ url: '/api/v1/demands/rates/ranking?areaCode=371602002' }),
  'GET /api/v1/demands/rates/ranking.xlsx': () => ({
    url: '/api/v1/demands/rates/ranking.xlsx?areaCode=371602002',
  }),
  'GET /api/v1/demands/rates/trend': () => ({ url: '/api/v1/demands/rates/trend?areaCode=371602002' }),
  'POST /api/v1/demands/units': () => ({
    url: '/api/v1/demands/units',
    body: { kind: 'department', name: 'x', areaCode: '371602002' },
  }),
  'PATCH /api/v1/demands/units/:id': () => ({
    url: `/api/v1/demands/units/${demandB.unitId}`,
    body: { name: 'x' },
  }),
  'PUT /api/v1/demands/units/:id/places': () => ({
    url: `/api/v1/demands/units/${demandB.unitId}/places`,
    body: { areaCodes: [demandB.compoundCode] },
  }),
  // The catalogue, the calendar and the settings are the city's: a street official changes none of them.
  'POST /api/v1/demands/categories': () => ({
    url: '/api/v1/demands/categories',
    body: {
      code: 'x.y',
      nameZh: 'x',
      nameEn: 'x',
      handleLimit: 1,
      handleUnit: 'working_days',
      firstContactHours: 1,
      defaultParty: 'grid',
    },
  }),
  'PATCH /api/v1/demands/categories/:code': () => ({
    url: `/api/v1/demands/categories/${demandB.categoryCode}`,
    body: { nameZh: 'x' },
  }),
  'POST /api/v1/demands/categories/:code/versions': () => ({
    url: `/api/v1/demands/categories/${demandB.categoryCode}/versions`,
    body: { handleLimit: 1, handleUnit: 'working_days', firstContactHours: 1, defaultParty: 'grid' },
  }),
  'PUT /api/v1/demands/calendar/days/:date': () => ({
    url: '/api/v1/demands/calendar/days/2026-12-28',
    body: { kind: 'holiday', name: 'x' },
  }),
  'DELETE /api/v1/demands/calendar/days/:date': () => ({ url: '/api/v1/demands/calendar/days/2026-10-01' }),
  'PUT /api/v1/demands/settings': () => ({ url: '/api/v1/demands/settings', body: { dueSoonHours: 1 } }),
};

/** Routes without a record of their own: the answer must not mention street B. */
const LIST_ROUTES: Record<string, string> = {
  'GET /api/v1/demands': '/api/v1/demands?limit=200',
  'GET /api/v1/demands.xlsx': '/api/v1/demands.xlsx',
  'GET /api/v1/demands/duplicates': `/api/v1/demands/duplicates?categoryCode=${'x'}&lng=12&lat=5`,
  'GET /api/v1/demands/whistles': '/api/v1/demands/whistles',
  'GET /api/v1/demands/whistles/summary': '/api/v1/demands/whistles/summary',
  'GET /api/v1/demands/categories': '/api/v1/demands/categories',
  'GET /api/v1/demands/categories/:code': '/api/v1/demands/categories/property',
  'GET /api/v1/demands/calendar': '/api/v1/demands/calendar?year=2026',
  'GET /api/v1/demands/settings': '/api/v1/demands/settings',
  'GET /api/v1/demands/units': '/api/v1/demands/units',
  'GET /api/v1/iam/users': '/api/v1/iam/users?limit=200',
  'GET /api/v1/iam/tokens': '/api/v1/iam/tokens',
  'GET /api/v1/areas/search': `/api/v1/areas/search?q=${encodeURIComponent('社区')}`,
  'GET /api/v1/areas/locate': '/api/v1/areas/locate?lng=15&lat=5',
  'GET /api/v1/party/checklist': '/api/v1/party/checklist',
  'GET /api/v1/people/residents': '/api/v1/people/residents?limit=200',
  'GET /api/v1/people/talents': '/api/v1/people/talents?limit=200',
  'GET /api/v1/owners/votes': '/api/v1/owners/votes?limit=200',
};

/**
 * Imports report a place outside the caller's scope as an unknown code in the row's problems
 * (400 areas.import_invalid, people.import_invalid), never as its own status, so that the answer does not reveal it.
 */
const IMPORT_ROUTES: Record<
  string,
  () => Promise<{ url: string; body: unknown; headers?: Record<string, string> }>
> = {
  'POST /api/v1/areas/imports/boundaries': async () => ({
    url: '/api/v1/areas/imports/boundaries?dryRun=false',
    body: {
      effectiveDate: today,
      collection: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: '371602002001001' }, geometry: rect(10, 0, 15, 10) },
        ],
      },
    },
  }),
  'POST /api/v1/areas/imports/tree': async () => ({
    url: '/api/v1/areas/imports/tree?dryRun=false',
    body: await buildTreeWorkbook([
      { level: '网格', code: '371602002001003', name: 'x', parentCode: '371602002001' },
    ]),
    headers: { 'content-type': XLSX_TYPE },
  }),
  'POST /api/v1/people/imports/:kind': async () => ({
    url: '/api/v1/people/imports/residents?dryRun=false',
    body: await buildLedgerWorkbook({
      kind: 'residents',
      rows: [{ 户编码: HOUSEHOLD_B2, 姓名: 'x', 性别: '男', 与户主关系: '户主', 人口类型: '户籍' }],
    }),
    headers: { 'content-type': XLSX_TYPE },
  }),
};

const EXEMPT: Record<string, string> = {
  'GET /api/v1/demands/places/grids':
    'public by law (Binzhou grid regulation art. 6): grid names and boundaries only, for the filing map',
  'GET /api/v1/demands/places/streets': 'public place names (street and community) for the filing map picker',
  'POST /api/v1/demands/files': 'a photo has no place until attached; it belongs to its uploader alone',
  'GET /open311/v2/discovery.:format': 'public by the Open311 spec: endpoints, no records',
  'GET /open311/v2/services.:format': 'public by the Open311 spec: the catalogue, no records',
  'GET /open311/v2/services/:service_code.:format': 'public by the Open311 spec: the catalogue, no records',
  'POST /open311/v2/requests.:format':
    'the api_key is the credential and its scope is checked (a street-A key filing in street B is 403, tested)',
  'GET /open311/v2/tokens/:token.:format': 'public by the Open311 spec: reveals only a demand number',
  'GET /open311/v2/requests.:format':
    'public by the Open311 spec and Beijing 接诉即办 art. 34, without any personal data (tested)',
  'GET /open311/v2/requests/:service_request_id.:format':
    'public by the Open311 spec and Beijing 接诉即办 art. 34, without any personal data (tested)',
  'GET /api/v1/areas/imports/tree-template.xlsx': 'a blank template; no record',
  'GET /api/v1/people/imports/:kind/template.xlsx': 'a blank template; no record',
  'POST /api/v1/auth/login': 'signs in; no record',
  'GET /api/v1/auth/me': 'the caller’s own account',
  'POST /api/v1/auth/logout': 'the caller’s own session',
  'POST /api/v1/auth/password': 'the caller’s own password',
  'GET /api/v1/iam/roles': 'the role catalogue is the same for everyone',
  'GET /api/v1/iam/audit': 'auditors only; scoped audit listing tested in iam.audit.int.test.ts',
  'GET /api/v1/iam/audit/verify': 'auditors only; whole-chain check',
  'GET /api/v1/public/grids/:code': 'public by law (grid regulation art. 6)',
  'GET /api/v1/public/buildings/:code': 'public notice of a building: names and masked phones only',
  'GET /api/v1/public/compounds/:code': 'public page of a compound: committee names and posts, disclosures',
  'GET /api/v1/owners/imports/register-template.xlsx': 'a blank template; no record',
  'GET /api/v1/public/votes/:id':
    'public by design: a vote’s matter, and after close its anonymised ballots to recompute',
  'POST /api/v1/public/votes/:id/access':
    'the voting code is the credential, bound to one elector of one vote',
  'POST /api/v1/public/votes/:id/ballots':
    'the voting code is the credential, bound to one elector of one vote',
  'GET /api/v1/public/votes/:id/receipts/:code':
    'the receipt code is the credential, held by the voter alone',
  'GET /api/v1/notifications':
    'the caller’s own messages only (another user’s id is 404, tested in notifications.int.test.ts)',
  'GET /api/v1/notifications/unread-count':
    'the caller’s own messages only (another user’s id is 404, tested in notifications.int.test.ts)',
  'POST /api/v1/notifications/:id/read':
    'the caller’s own messages only (another user’s id is 404, tested in notifications.int.test.ts)',
  'POST /api/v1/notifications/read-all':
    'the caller’s own messages only (another user’s id is 404, tested in notifications.int.test.ts)',
  'GET /healthz': 'liveness',
  'GET /readyz': 'readiness',
};

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely);
  await t.createUser({ username: 'cityadmin', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  await t.createUser({
    username: 'officiala',
    assignments: [
      { role: 'street_official', scopePath: STREET_A },
      { role: 'community_official', scopePath: `${STREET_A}/371602001001` },
    ],
  });
  const userId = await t.createUser({
    username: 'workerb',
    assignments: [{ role: 'grid_worker', scopePath: STREET_B }],
  });
  const admin = await t.login('cityadmin');
  const token = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/iam/tokens',
    body: { name: 'street B system', role: 'street_official', scopePath: STREET_B },
  });
  const resident = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/people/residents',
    body: {
      householdCode: HOUSEHOLD_B1,
      name: '市西居民',
      gender: 'female',
      relationToHead: 'head',
      residenceType: 'registered',
    },
  });
  const placeRole = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/people/place-roles',
    body: {
      residentId: resident.json().id,
      role: 'building_head',
      areaCode: BUILDING_B,
      since: '2025-01-01',
    },
  });
  talentB = (
    await t.request(admin, {
      method: 'POST',
      url: '/api/v1/people/talents',
      body: {
        residentId: resident.json().id,
        categories: ['retired_cadre'],
        willingness: 'willing',
        availability: 'anytime',
      },
    })
  ).json().id;
  b = {
    userId,
    tokenId: token.json().token.id,
    residentId: resident.json().id,
    placeRoleId: placeRole.json().id,
  };
  // Give the street official token rights too, so a 403 can only come from scope, not from the role.
  await t.db.kysely
    .insertInto('userRoles')
    .values({
      id: 'extra-role',
      userId: (await t.login('officiala')).userId,
      role: 'district_official',
      scopePath: STREET_A,
      createdAt: new Date().toISOString(),
    })
    .execute();
  partyB = await buildStreetBParty(t.db.kysely);
  ownersB = await buildStreetBOwners(t.db.kysely);
  voteB = await buildStreetBVote(t.db.kysely, (s, o) => t.request(s, o), admin);
  demandB = await buildStreetBDemand(t.db.kysely);
  official = await t.login('officiala');
});
afterAll(() => t.close());

describe('every route keeps a street official inside their street', () => {
  it('every registered route is covered by this matrix', () => {
    const known = new Set([
      ...Object.keys(RECORD_ROUTES),
      ...Object.keys(LIST_ROUTES),
      ...Object.keys(IMPORT_ROUTES),
      ...Object.keys(EXEMPT),
    ]);
    const routes = t.app.routeIndex.filter(
      (r) =>
        r.url.startsWith('/api/v1') ||
        r.url.startsWith('/open311') ||
        r.url.startsWith('/healthz') ||
        r.url.startsWith('/readyz'),
    );
    const missing = routes.map((r) => `${r.method} ${r.url}`).filter((k) => !known.has(k));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(RECORD_ROUTES))('%s with street B’s record answers 403 or 404', async (key) => {
    const method = key.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    const { url, body } = RECORD_ROUTES[key]!();
    const res = await t.request(official, { method, url, body });
    expect([403, 404]).toContain(res.statusCode);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it.each(Object.keys(IMPORT_ROUTES))(
    '%s with street B’s places is refused as unknown codes, writing nothing',
    async (key) => {
      const { url, body, headers } = await IMPORT_ROUTES[key]!();
      const res = await t.request(official, { method: 'POST', url, body, ...(headers ? { headers } : {}) });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toMatch(/^(areas|people)\.import_invalid$/);
    },
  );

  it.each(Object.entries(LIST_ROUTES))(
    '%s lists nothing of street B (or is forbidden outright)',
    async (_key, url) => {
      const res = await t.request(official, { method: 'GET', url });
      expect([200, 403]).toContain(res.statusCode);
      expect(res.body).not.toContain('371602002');
      expect(res.body).not.toContain('workerb');
      expect(res.body).not.toContain('street B system');
    },
  );

  it('street B’s records are unchanged after all of that', async () => {
    const admin = await t.login('cityadmin');
    const user = (await t.request(admin, { method: 'GET', url: `/api/v1/iam/users/${b.userId}` })).json();
    expect(user.displayName).toBe('workerb');
    const grid = (
      await t.request(admin, { method: 'GET', url: '/api/v1/areas/nodes/371602002001001' })
    ).json();
    expect(grid).toMatchObject({ status: 'active', name: '第1网格' });
    const tokens = (await t.request(admin, { method: 'GET', url: '/api/v1/iam/tokens' })).json();
    expect(tokens.find((x: { id: string }) => x.id === b.tokenId).revokedAt).toBeNull();
    const resident = (
      await t.request(admin, { method: 'GET', url: `/api/v1/people/residents/${b.residentId}` })
    ).json();
    expect(resident).toMatchObject({ name: '市西居民', status: 'active', householdCode: HOUSEHOLD_B1 });
    expect(resident.placeRoles).toMatchObject([{ id: b.placeRoleId, until: null }]);
  });

  it('street B’s owners’ vote is still open, its paper entry waiting and no codes issued twice', async () => {
    const admin = await t.login('cityadmin');
    const vote = (
      await t.request(admin, { method: 'GET', url: `/api/v1/owners/votes/${voteB.voteId}` })
    ).json();
    expect(vote).toMatchObject({ status: 'open', title: '第4项表决', ballots: 0, pendingPaperEntries: 1 });
  });

  it('street B’s demand, its whistle and the city’s catalogue, calendar and settings are unchanged', async () => {
    const db = t.db.kysely;
    const demand = await db
      .selectFrom('demands')
      .select(['status', 'responsibleRef'])
      .where('id', '=', demandB.demandId)
      .executeTakeFirstOrThrow();
    expect(demand).toEqual({ status: 'dispatched', responsibleRef: '371602002001001' });
    const events = await db
      .selectFrom('demandEvents')
      .select('action')
      .where('demandId', '=', demandB.demandId)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['receive']);
    const whistle = await db
      .selectFrom('demandWhistles')
      .select('reportedAt')
      .where('id', '=', demandB.whistleId)
      .executeTakeFirstOrThrow();
    expect(whistle.reportedAt).toBeNull();
    const unit = await db
      .selectFrom('handlingUnits')
      .select('name')
      .where('id', '=', demandB.unitId)
      .executeTakeFirstOrThrow();
    expect(unit.name).toBe('市西街道城管中队');
    const places = await db
      .selectFrom('handlingUnitPlaces')
      .select('areaCode')
      .where('unitId', '=', demandB.unitId)
      .execute();
    expect(places).toEqual([]);
    const category = await db
      .selectFrom('demandCategories')
      .select(['currentVersion', 'nameZh'])
      .where('code', '=', demandB.categoryCode)
      .executeTakeFirstOrThrow();
    expect(category.currentVersion).toBe(1);
    expect(category.nameZh).not.toBe('x');
    expect(
      await db.selectFrom('demandCategories').select('code').where('code', '=', 'x.y').execute(),
    ).toEqual([]);
    const days = await db
      .selectFrom('workCalendarDays')
      .select(['date', 'kind'])
      .where('date', 'in', ['2026-10-01', '2026-12-28'])
      .execute();
    expect(days).toEqual([{ date: '2026-10-01', kind: 'holiday' }]);
    expect(
      await db.selectFrom('demandSettings').select('key').where('key', '=', 'dueSoonHours').execute(),
    ).toEqual([]);
    const filed = await db.selectFrom('demands').select('id').where('description', '=', 'x').execute();
    expect(filed).toEqual([]);
  });
});
