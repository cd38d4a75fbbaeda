import type { StepBody } from './api';

/** What antd's DatePicker hands back (a dayjs value); only its formatting is used here. */
export type PickedDate = { format: (template: string) => string } | null | undefined;

export type CommonValues = {
  on?: PickedDate;
  approver: string;
  documents: { title: string; reference?: string }[];
  note?: string;
};

const text = (value: string | undefined | null) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** The common part of every step: the date (today on the server when empty), approver, documents, note. */
export function commonPayload(values: CommonValues) {
  const on = values.on ? values.on.format('YYYY-MM-DD') : undefined;
  const note = text(values.note);
  return {
    ...(on ? { on } : {}),
    approver: values.approver.trim(),
    documents: (values.documents ?? [])
      .filter((d) => text(d?.title))
      .map((d) => {
        const reference = text(d.reference);
        return { title: d.title.trim(), ...(reference ? { reference } : {}) };
      }),
    ...(note ? { note } : {}),
  };
}

export type GroupValues = CommonValues & {
  ownerIds?: string[];
  others?: {
    name: string;
    affiliation: 'developer' | 'property_service' | 'street' | 'community' | 'other';
  }[];
};

/** Art. 21's group: owners picked from the register (named by the register), then the others. */
export function groupPayload(values: GroupValues, ownerNames: Map<string, string>): StepBody {
  return {
    step: 'preparatory_group',
    ...commonPayload(values),
    members: [
      ...(values.ownerIds ?? []).map((ownerId) => ({
        name: ownerNames.get(ownerId) ?? ownerId,
        ownerId,
        affiliation: 'owner' as const,
      })),
      ...(values.others ?? [])
        .filter((m) => text(m?.name))
        .map((m) => ({ name: m.name.trim(), affiliation: m.affiliation ?? 'other' })),
    ],
  };
}

export type ReviewValues = CommonValues & {
  reviewers: string[];
  decisions: Record<string, { decision: 'approved' | 'rejected'; note?: string }>;
};

/** The joint review: one decision per candidate, a note only where written. */
export function reviewPayload(values: ReviewValues): StepBody {
  return {
    step: 'joint_review',
    ...commonPayload(values),
    reviewers: values.reviewers.map((r) => r.trim()).filter(Boolean),
    reviews: Object.entries(values.decisions ?? {}).map(([candidateId, d]) => {
      const note = text(d.note);
      return { candidateId, decision: d.decision, ...(note ? { note } : {}) };
    }),
  };
}
