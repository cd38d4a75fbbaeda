import type { z } from 'zod';
import type {
  branchStateSchema,
  checklistItemViewSchema,
  entityOperationSchema,
  reachSchema,
} from '../../../../src/modules/party/party.operation.schemas';
import type {
  householdViewSchema,
  lifeRecordBodySchema,
  lifeRecordViewSchema,
  memberViewSchema,
  orgDetailSchema,
  orgKindSchema,
  orgSummarySchema,
  PartyOrgTreeNode,
} from '../../../../src/modules/party/party.schemas';
import type {
  createTransferBodySchema,
  transferViewSchema,
} from '../../../../src/modules/party/party.transfers.schemas';
import { apiFetch } from '../../api/client';

export type { PartyOrgTreeNode };
export type PartyOrgKind = z.infer<typeof orgKindSchema>;
export type PartyOrgSummary = z.infer<typeof orgSummarySchema>;
export type PartyOrgDetail = z.infer<typeof orgDetailSchema>;
export type PartyMember = z.infer<typeof memberViewSchema>;
export type LifeRecord = z.infer<typeof lifeRecordViewSchema>;
export type LifeRecordInput = z.input<typeof lifeRecordBodySchema>;
export type ChecklistItem = z.infer<typeof checklistItemViewSchema>;
export type EntityOperation = z.infer<typeof entityOperationSchema>;
export type BranchState = z.infer<typeof branchStateSchema>;
export type Reach = z.infer<typeof reachSchema>;
export type Household = z.infer<typeof householdViewSchema>;
export type Transfer = z.infer<typeof transferViewSchema>;
export type TransferStatus = Transfer['status'];
export type TransferAction = Transfer['actions'][number];
export type TransferInput = z.input<typeof createTransferBodySchema>;
export type Page<T> = { items: T[]; nextCursor: string | null };

const BASE = '/api/v1/party';

export const partyKeys = {
  all: ['party'] as const,
  tree: (root: string | undefined, levels: number) => ['party', 'tree', root ?? null, levels] as const,
  org: (id: string) => ['party', 'org', id] as const,
  checklist: ['party', 'checklist'] as const,
  entityOperation: (area: string) => ['party', 'entity-operation', area] as const,
  branches: (area: string, met: string) => ['party', 'branches', area, met] as const,
  reach: (area: string) => ['party', 'reach', area] as const,
  unreached: (area: string) => ['party', 'unreached', area] as const,
  transfers: (status: string) => ['party', 'transfers', status] as const,
  members: (area: string, q: string) => ['party', 'members', area, q] as const,
};

export function fetchOrgTree(input: { root?: string; levels: number; signal?: AbortSignal }) {
  return apiFetch<{ roots: PartyOrgTreeNode[]; truncated: boolean }>(`${BASE}/orgs/tree`, {
    query: { root: input.root, levels: input.levels, includeDissolved: 'true' },
    signal: input.signal,
  });
}

export function fetchOrg(id: string, signal?: AbortSignal) {
  return apiFetch<PartyOrgDetail>(`${BASE}/orgs/${encodeURIComponent(id)}`, { signal });
}

export function createLifeRecord(input: { orgId: string; record: LifeRecordInput }) {
  return apiFetch<LifeRecord>(`${BASE}/orgs/${encodeURIComponent(input.orgId)}/life-records`, {
    method: 'POST',
    body: input.record,
  });
}

export function fetchChecklist(signal?: AbortSignal) {
  return apiFetch<{ items: ChecklistItem[] }>(`${BASE}/checklist`, { signal });
}

export function fetchEntityOperation(area: string, signal?: AbortSignal) {
  return apiFetch<EntityOperation>(`${BASE}/entity-operation`, { query: { area }, signal });
}

export function fetchBranchStates(input: {
  area: string;
  met?: 'true' | 'false';
  after?: string | null;
  signal?: AbortSignal;
}) {
  return apiFetch<Page<BranchState>>(`${BASE}/entity-operation/branches`, {
    query: { area: input.area, met: input.met, after: input.after, limit: 50 },
    signal: input.signal,
  });
}

export function fetchReach(area: string, signal?: AbortSignal) {
  return apiFetch<Reach>(`${BASE}/reach`, { query: { area }, signal });
}

export function fetchUnreached(input: { area: string; after?: string | null; signal?: AbortSignal }) {
  return apiFetch<Page<Household>>(`${BASE}/reach/unreached`, {
    query: { area: input.area, after: input.after, limit: 50 },
    signal: input.signal,
  });
}

export function fetchTransfers(input: {
  status?: TransferStatus;
  after?: string | null;
  signal?: AbortSignal;
}) {
  return apiFetch<Page<Transfer>>(`${BASE}/transfers`, {
    query: { status: input.status, after: input.after, limit: 50 },
    signal: input.signal,
  });
}

export function requestTransfer(input: TransferInput) {
  return apiFetch<Transfer>(`${BASE}/transfers`, { method: 'POST', body: input });
}

export function actOnTransfer(input: { id: string; action: TransferAction; reason?: string }) {
  return apiFetch<Transfer>(`${BASE}/transfers/${encodeURIComponent(input.id)}/${input.action}`, {
    method: 'POST',
    body: input.reason ? { reason: input.reason } : {},
  });
}

export function fetchMembers(input: { area: string; q?: string; signal?: AbortSignal }) {
  return apiFetch<{ items: PartyMember[] }>(`${BASE}/members`, {
    query: { area: input.area, q: input.q || undefined, relation: 'elsewhere', limit: 50 },
    signal: input.signal,
  });
}
