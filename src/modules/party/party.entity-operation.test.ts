import { describe, expect, it } from 'vitest';
import {
  type BranchFacts,
  type ChecklistCriterion,
  daysBefore,
  evaluateBranch,
  inPostOn,
} from './party.entity-operation';

const TODAY = '2026-11-27';
const ITEMS: ChecklistCriterion[] = [
  { id: 'secretary', active: true, rule: 'secretary_in_post', params: {} },
  { id: 'members', active: true, rule: 'min_members', params: { minMembers: 3 } },
  { id: 'life', active: true, rule: 'org_life_within_days', params: { days: 92 } },
  { id: 'place', active: true, rule: 'meeting_place', params: {} },
  { id: 'theme', active: false, rule: 'theme_party_day_within_days', params: { days: 31 } },
];

const meets: BranchFacts = {
  secretaryPosts: [{ since: '2024-01-01', until: null }],
  formalMembers: 3,
  lastHeldOn: { branch_meeting: daysBefore(TODAY, 92) },
  meetingPlace: '幸福社区党群服务站二楼',
};

function verdict(facts: Partial<BranchFacts>, items = ITEMS) {
  const { results } = evaluateBranch({ items, facts: { ...meets, ...facts }, today: TODAY });
  return Object.fromEntries(results.map((r) => [r.itemId, r.met]));
}

describe('dates', () => {
  it.each([
    ['2026-11-27', 92, '2026-08-27'],
    ['2026-03-01', 1, '2026-02-28'],
    ['2024-03-01', 1, '2024-02-29'],
    ['2026-01-01', 92, '2025-10-01'],
  ])('%s minus %i days is %s', (date, days, expected) => {
    expect(daysBefore(date, days)).toBe(expected);
  });
});

describe('a grid branch against the entity-operation checklist', () => {
  it('meets every active item, and the inactive one is not judged', () => {
    const result = evaluateBranch({ items: ITEMS, facts: meets, today: TODAY });
    expect(result.met).toBe(true);
    expect(result.results.map((r) => r.itemId)).toEqual(['secretary', 'members', 'life', 'place']);
  });

  it.each([
    ['a meeting exactly 92 days ago counts', { branch_meeting: '2026-08-27' }, true],
    ['a meeting 93 days ago does not', { branch_meeting: '2026-08-26' }, false],
    ['a theme party day today counts', { theme_party_day: TODAY }, true],
    ['a group meeting planned for tomorrow does not count yet', { group_meeting: '2026-11-28' }, false],
    ['no meeting at all', {}, false],
  ])('%s', (_n, lastHeldOn, expected) => {
    expect(verdict({ lastHeldOn }).life).toBe(expected);
  });

  it('names the cut-off day and the last meeting when organisational life is overdue', () => {
    const { results } = evaluateBranch({
      items: ITEMS,
      facts: { ...meets, lastHeldOn: { party_lecture: '2026-08-01' } },
      today: TODAY,
    });
    expect(results.find((r) => r.itemId === 'life')?.reason).toEqual({
      code: 'no_recent_life',
      params: { days: 92, since: '2026-08-27', last: '2026-08-01' },
    });
  });

  it('counts only the kinds an item names', () => {
    const onlyTheme: ChecklistCriterion = {
      id: 'life',
      active: true,
      rule: 'org_life_within_days',
      params: { days: 92, kinds: ['theme_party_day'] },
    };
    expect(verdict({ lastHeldOn: { branch_meeting: TODAY } }, [onlyTheme]).life).toBe(false);
    expect(verdict({ lastHeldOn: { theme_party_day: TODAY } }, [onlyTheme]).life).toBe(true);
  });

  it.each([
    [3, true],
    [2, false],
    [0, false],
  ])('%i formal members with their relation in the branch → met: %s', (formalMembers, expected) => {
    expect(verdict({ formalMembers }).members).toBe(expected);
  });

  it('says how many members there are and how many are needed', () => {
    const { results } = evaluateBranch({ items: ITEMS, facts: { ...meets, formalMembers: 2 }, today: TODAY });
    expect(results.find((r) => r.itemId === 'members')?.reason).toEqual({
      code: 'too_few_members',
      params: { have: 2, need: 3 },
    });
  });

  it.each([
    ['in post since today', [{ since: TODAY, until: null }], true],
    ['whose post ended yesterday', [{ since: '2020-01-01', until: '2026-11-26' }], false],
    ['whose post ends today', [{ since: '2020-01-01', until: TODAY }], false],
    ['whose post ends tomorrow', [{ since: '2020-01-01', until: '2026-11-28' }], true],
    ['appointed from tomorrow', [{ since: '2026-11-28', until: null }], false],
    [
      'past one ended, a new one in post',
      [
        { since: '2020-01-01', until: '2025-01-01' },
        { since: '2025-01-01', until: null },
      ],
      true,
    ],
    ['none at all', [], false],
  ])('a secretary %s → in post: %s', (_n, secretaryPosts, expected) => {
    expect(verdict({ secretaryPosts }).secretary).toBe(expected);
  });

  it('in post means started and not yet ended (until is the first day out of post)', () => {
    expect(inPostOn({ since: '2026-01-01', until: '2026-11-27' }, '2026-11-26')).toBe(true);
    expect(inPostOn({ since: '2026-01-01', until: '2026-11-27' }, '2026-11-27')).toBe(false);
  });

  it.each([
    ['recorded', '社区党群服务中心', true],
    ['blank', '   ', false],
    ['missing', null, false],
  ])('a meeting place %s → met: %s', (_n, meetingPlace, expected) => {
    expect(verdict({ meetingPlace }).place).toBe(expected);
  });

  it('a branch missing one active item does not meet the standard', () => {
    expect(evaluateBranch({ items: ITEMS, facts: { ...meets, meetingPlace: null }, today: TODAY }).met).toBe(
      false,
    );
  });
});
