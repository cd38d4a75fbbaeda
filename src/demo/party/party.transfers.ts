// Transfers of floating members' organisational relations into the grid branch (流动党员组织关系
// 转入, CAPABILITIES §1.4), in every state the transfer machine knows: completed for most floating
// members whose relation is here now, and requested, accepted or refused for some of those whose
// relation is still at home. Dates follow the machine's rules: each step on or after the one before,
// none after today.

import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import type { Random } from '../../lib/random';
import { addDays, chunkIds, earlierDate, laterDate } from '../people/people.ids';
import type { DemoMember } from './party.members';
import { homeBranch, REFUSAL_REASONS } from './party.texts';

type TransferRow = Insertable<Database['partyTransfers']>;

export function drawTransfers(
  random: Random,
  opts: {
    ordinal: number;
    branch: { id: string; path: string; establishedOn: string };
    members: readonly DemoMember[];
    today: string;
    stamp: string;
  },
): TransferRow[] {
  const { branch, today, stamp } = opts;
  const ids = chunkIds('partyTransfers', opts.ordinal);
  const rows: TransferRow[] = [];
  const earliest = laterDate(branch.establishedOn, addDays(today, -1100));
  const clamp = (date: string) => earlierDate(date, today);
  // Nothing can be asked of a branch before it existed.
  const sinceBranch = (date: string) => laterDate(date, branch.establishedOn);
  const transfer = (
    member: DemoMember,
    fields: Partial<TransferRow> & Pick<TransferRow, 'status' | 'requestedOn'>,
  ) =>
    rows.push({
      id: ids(member.id),
      memberId: member.id,
      path: branch.path,
      fromOrgText: member.relationElsewhere ?? homeBranch(random, member.resident.idNumberValue),
      toOrgId: branch.id,
      reason: null,
      decidedOn: null,
      completedOn: null,
      requestedBy: null,
      decidedBy: null,
      createdAt: stamp,
      updatedAt: stamp,
      ...fields,
    });
  for (const m of opts.members) {
    if (m.category !== 'floating') continue;
    const x = random.next();
    if (m.relation === 'branch') {
      // Most came in by a recorded transfer; the others had moved their relation before the branch kept records.
      if (x >= 0.7 || earliest >= addDays(today, -30)) continue;
      const span = Math.round((Date.parse(addDays(today, -30)) - Date.parse(earliest)) / 86_400_000);
      const requestedOn = addDays(earliest, random.int(0, span));
      const decidedOn = clamp(addDays(requestedOn, random.int(1, 12)));
      transfer(m, {
        status: 'completed',
        requestedOn,
        decidedOn,
        completedOn: clamp(addDays(decidedOn, random.int(1, 15))),
      });
    } else if (m.relation === 'elsewhere') {
      if (x < 0.12)
        transfer(m, { status: 'requested', requestedOn: sinceBranch(addDays(today, -random.int(0, 45))) });
      else if (x < 0.18) {
        const requestedOn = sinceBranch(addDays(today, -random.int(8, 60)));
        transfer(m, {
          status: 'accepted',
          requestedOn,
          decidedOn: clamp(addDays(requestedOn, random.int(1, 7))),
        });
      } else if (x < 0.23) {
        const requestedOn = sinceBranch(addDays(today, -random.int(30, 300)));
        transfer(m, {
          status: 'refused',
          requestedOn,
          decidedOn: clamp(addDays(requestedOn, random.int(1, 10))),
          reason: random.pick(REFUSAL_REASONS),
        });
      }
    }
  }
  return rows;
}
