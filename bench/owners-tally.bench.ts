// Owners' meeting tally at the size of Binzhou's largest compounds and then some: 20,000 ballots
// read back from the database as decimal area strings, as the live-turnout endpoint does on every
// poll (the console polls every 5 s while a vote is open).
//
// Baseline: the straightforward exact recompute — parse each area into a Rational and add it,
//   normalising (gcd) after every ballot: tallyOwnersVote over all ballots so far.
// Subject: countTurnout — one pass summing the areas as integers at a fixed decimal scale, one
//   Rational at the end. Both are exact; the bench checks that they agree before timing.

import { createRandom } from '../src/lib/random';
import { fromDecimalString, rational } from '../src/lib/rational';
import { tallyOwnersVote } from '../src/modules/owners/owners.vote-tally';
import { countTurnout } from '../src/modules/owners/owners.votes.turnout';
import type { BenchResult } from './bench.types';
import { timeIt } from './bench.types';

const BALLOTS = 20_000;
const CHOICES = ['for', 'against', 'abstain'] as const;

export default async function ownersTally(): Promise<BenchResult[]> {
  const random = createRandom('owners-tally');
  // Flats of 40–200 m² registered to four decimals, as SPC interpretation art. 8's areas are.
  const rows = Array.from({ length: BALLOTS }, (_, i) => {
    const tenThousandths = 400_000 + Math.floor(random.next() * 1_600_000);
    return {
      voterKey: `voter-${i}`,
      area: `${Math.floor(tenThousandths / 10_000)}.${String(tenThousandths % 10_000).padStart(4, '0')}`,
      choice: CHOICES[i % 3]!,
    };
  });
  const totalArea = rational(BALLOTS * 200 + 1);
  const electorate = { totalArea, totalHeadcount: BALLOTS + 5_000 };

  const baseline = () =>
    tallyOwnersVote({
      item: 4,
      electorate,
      ballots: rows.map((r) => ({ voterId: r.voterKey, area: fromDecimalString(r.area), choice: r.choice })),
    }).participation;
  const subject = () => countTurnout({ ...electorate, areas: rows.map((r) => r.area) });

  const expected = baseline();
  const got = subject();
  if (
    expected.area.num !== got.area.num ||
    expected.area.den !== got.area.den ||
    expected.headcount !== got.headcount
  )
    throw new Error('countTurnout disagrees with tallyOwnersVote');

  return [
    {
      name: `owners live turnout, ${BALLOTS.toLocaleString('en')} ballots`,
      baseline: { label: 'Rational per ballot (tallyOwnersVote)', ms: await timeIt(baseline, { repeat: 5 }) },
      subject: { label: 'one pass in integers (countTurnout)', ms: await timeIt(subject, { repeat: 5 }) },
      note: 'both exact and checked equal; areas parsed from the stored decimal strings in each',
    },
  ];
}
