import { type Actor, can } from '../iam/index';
import type { DemandRow } from './demands.table';

// Who sees the reporter of a demand, and how much (PIPL art. 6: 处理个人信息应当…限于实现处理目的
// 的最小范围 — the minimum necessary). Handlers need the matter and the place, not the person, so the
// reporter's name and phone are masked for everyone by default (the masks are stored beside the
// ciphertext at intake: maskName / maskPhone of src/lib/mask.ts). The reporter sees their own
// plaintext. A demand filed anonymously shows no name and no phone to anyone but its reporter, and
// its phone is never revealed. The full phone of a named reporter is revealed, with a reason and an
// audit entry, only to those who must call back: the assigned handler, someone of the responsible
// grid or unit, or a manager of the place — and each of them must hold demands.handle there.
// Binzhou grid regulation art. 13 asks the same: 分级准入授权, 确保…个人信息安全.

export interface ReporterView {
  name: string | null;
  phone: string | null;
  anonymous: boolean;
  /** What is shown is masked (or withheld), not the plaintext. */
  masked: boolean;
}

export type ReporterFields = Pick<
  DemandRow,
  | 'origin'
  | 'anonymous'
  | 'reporterUserId'
  | 'reporterNameEnc'
  | 'reporterNameMasked'
  | 'reporterPhoneEnc'
  | 'reporterPhoneMasked'
>;

/** Whether the demand has a reporter at all (a problem found on patrol has none). */
export function hasReporter(d: ReporterFields): boolean {
  return (
    d.origin === 'resident' ||
    d.reporterUserId !== null ||
    d.reporterNameEnc !== null ||
    d.reporterPhoneEnc !== null
  );
}

/**
 * The reporter as a viewer may see them: plaintext for the reporter themself, nothing for anyone
 * else when anonymous, the stored masks otherwise. `decrypt` opens a stored ciphertext.
 */
export function reporterView(
  d: ReporterFields,
  viewer: { isReporter: boolean },
  decrypt: (stored: string) => string,
): ReporterView | null {
  if (!hasReporter(d)) return null;
  const anonymous = d.anonymous === 1;
  if (viewer.isReporter)
    return {
      name: d.reporterNameEnc ? decrypt(d.reporterNameEnc) : null,
      phone: d.reporterPhoneEnc ? decrypt(d.reporterPhoneEnc) : null,
      anonymous,
      masked: false,
    };
  if (anonymous) return { name: null, phone: null, anonymous, masked: true };
  return { name: d.reporterNameMasked, phone: d.reporterPhoneMasked, anonymous, masked: true };
}

/** The reporter's name for a list or an export row: the mask, or nothing for an anonymous demand. */
export function maskedReporterName(d: Pick<DemandRow, 'anonymous' | 'reporterNameMasked'>): string | null {
  return d.anonymous === 1 ? null : d.reporterNameMasked;
}

/** The reporter's phone for a list or an export row: the mask, or nothing for an anonymous demand. */
export function maskedReporterPhone(d: Pick<DemandRow, 'anonymous' | 'reporterPhoneMasked'>): string | null {
  return d.anonymous === 1 ? null : d.reporterPhoneMasked;
}

export type RevealDecision = 'allowed' | 'anonymous' | 'forbidden';

export type RevealFacts = Pick<
  DemandRow,
  'path' | 'anonymous' | 'handlerUserId' | 'responsibleKind' | 'responsibleRef'
>;

/**
 * Whether the actor may see the reporter in full. Needs demands.handle over the demand's place and
 * one of: being its assigned handler; belonging to the responsible grid, community or street (a
 * demands.handle assignment scoped to exactly that area); being property staff over the place when
 * a property company is responsible; holding demands.manage over the place. An anonymous demand is
 * never revealed, whoever asks.
 */
export function mayRevealReporter(actor: Actor, d: RevealFacts): RevealDecision {
  if (actor.kind !== 'user' || !can(actor, 'demands.handle', d.path)) return 'forbidden';
  if (d.anonymous === 1) return 'anonymous';
  if (d.handlerUserId === actor.id) return 'allowed';
  if (can(actor, 'demands.manage', d.path)) return 'allowed';
  if (ofResponsibleParty(actor, d)) return 'allowed';
  return 'forbidden';
}

function ofResponsibleParty(actor: Actor, d: RevealFacts): boolean {
  const ref = d.responsibleRef;
  if (!d.responsibleKind || !ref) return false;
  const handleAssignments = actor.assignments.filter((a) =>
    can({ ...actor, assignments: [a] }, 'demands.handle', d.path),
  );
  switch (d.responsibleKind) {
    case 'grid':
    case 'community':
    case 'street':
      return handleAssignments.some((a) => a.scopePath.split('/').at(-1) === ref);
    case 'property_company':
      return handleAssignments.some((a) => a.role === 'property_staff');
    default:
      // Departments, co-building units and committees have no user accounts tied to them yet:
      // their people see the phone when made the handler.
      return false;
  }
}
