import { describe, expect, it } from 'vitest';
import {
  committeeSizeProblems,
  filingState,
  latestTermEnd,
  ownersAtLeastHalf,
  partyShare,
  preparatoryGroupProblems,
  reelectionWatch,
  termProblems,
  termState,
} from './owners.committee-rules';
import { addDays, addMonths, addYears, daysBetween } from './owners.dates';

describe('committee size (山东省物业管理条例 art. 30: 五人以上单数)', () => {
  it.each([
    [3, ['fewer_than_five']],
    [4, ['fewer_than_five', 'even_number']],
    [5, []],
    [6, ['even_number']],
    [7, []],
    [8, ['even_number']],
    [9, []],
  ])('%i members → %j', (members, problems) => {
    expect(committeeSizeProblems(members)).toEqual(problems);
  });
});

describe('preparatory group (art. 21: 七人以上单数, owners not below half)', () => {
  it.each([
    [5, 3, ['fewer_than_seven']],
    [6, 4, ['fewer_than_seven', 'even_number']],
    [7, 4, []],
    [7, 3, ['owners_below_half']],
    [8, 4, ['even_number']],
    [9, 5, []],
    [9, 4, ['owners_below_half']],
    [11, 11, []],
  ])('%i members of whom %i owners → %j', (members, owners, problems) => {
    expect(preparatoryGroupProblems({ members, owners })).toEqual(problems);
  });

  it('不得低于二分之一 admits exactly half: only the odd-number rule refuses an even group of 8 with 4 owners', () => {
    expect(ownersAtLeastHalf({ members: 8, owners: 4 })).toBe(true);
    expect(ownersAtLeastHalf({ members: 8, owners: 3 })).toBe(false);
    expect(preparatoryGroupProblems({ members: 8, owners: 4 })).toEqual(['even_number']);
  });
});

describe('term of office (art. 30: 每届任期不超过五年)', () => {
  it('a term of exactly five years is accepted', () => {
    expect(latestTermEnd('2026-03-01')).toBe('2031-03-01');
    expect(termProblems({ termStart: '2026-03-01', termEnd: '2031-03-01' })).toEqual([]);
  });

  it('five years and one day is refused', () => {
    expect(termProblems({ termStart: '2026-03-01', termEnd: '2031-03-02' })).toEqual([
      'longer_than_five_years',
    ]);
  });

  it('a term starting on 29 February ends at the latest on 28 February five years on (Civil Code art. 202)', () => {
    expect(latestTermEnd('2028-02-29')).toBe('2033-02-28');
    expect(termProblems({ termStart: '2028-02-29', termEnd: '2033-03-01' })).toEqual([
      'longer_than_five_years',
    ]);
  });

  it('a term ending before it starts is refused', () => {
    expect(termProblems({ termStart: '2026-03-01', termEnd: '2026-02-28' })).toEqual(['ends_before_start']);
  });

  it.each([
    ['2026-02-28', 'not_started'],
    ['2026-03-01', 'in_term'],
    ['2031-03-01', 'in_term'],
    ['2031-03-02', 'ended'],
  ] as const)('on %s the term is %s', (today, state) => {
    expect(termState({ termStart: '2026-03-01', termEnd: '2031-03-01' }, today)).toBe(state);
  });
});

describe('filing (art. 31: 自选举产生之日起三十日内备案)', () => {
  const electedOn = '2026-03-01';

  it('filed on the thirtieth day after the election is on time', () => {
    expect(filingState({ electedOn, filedOn: '2026-03-31', today: '2026-06-01' })).toEqual({
      state: 'on_time',
      dueBy: '2026-03-31',
      daysLate: 0,
    });
  });

  it('filed on the thirty-first day is late by one day', () => {
    expect(filingState({ electedOn, filedOn: '2026-04-01', today: '2026-06-01' })).toMatchObject({
      state: 'late',
      daysLate: 1,
    });
  });

  it('not filed is pending up to the thirtieth day and overdue after it', () => {
    expect(filingState({ electedOn, filedOn: null, today: '2026-03-31' }).state).toBe('pending');
    expect(filingState({ electedOn, filedOn: null, today: '2026-04-01' })).toMatchObject({
      state: 'overdue',
      daysLate: 1,
    });
  });
});

describe('re-election watch (art. 33: 任期届满九十日前…换届选举)', () => {
  const termEnd = '2026-12-31';

  it('a term ending on the ninetieth day from today is due', () => {
    const today = addDays(termEnd, -90);
    expect(reelectionWatch(termEnd, today)).toEqual({ watch: 'due', daysLeft: 90 });
  });

  it('a term ending on the ninety-first day is not yet listed', () => {
    expect(reelectionWatch(termEnd, addDays(termEnd, -91))).toEqual({ watch: null, daysLeft: 91 });
  });

  it('the last day of the term is still due; the day after it the term has ended', () => {
    expect(reelectionWatch(termEnd, termEnd).watch).toBe('due');
    expect(reelectionWatch(termEnd, '2027-01-01')).toEqual({ watch: 'ended', daysLeft: -1 });
  });
});

describe('party-member share (report target 60%, never a bar)', () => {
  it.each([
    [5, 3, '60.00%', true],
    [5, 2, '40.00%', false],
    [7, 4, '57.14%', false],
    [7, 5, '71.43%', true],
    [0, 0, null, false],
  ])('%i members of whom %i party members → %s (target met: %s)', (members, party, percent, meets) => {
    expect(partyShare({ members, partyMembers: party })).toEqual({
      members,
      partyMembers: party,
      percent,
      meetsTarget: meets,
    });
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-03-15', -3, '2025-12-15'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('counts days across a leap year', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});
