import { describe, expect, it } from 'vitest';
import { DEMAND_NOTICE_KINDS } from '../../../../src/modules/demands/demands.notices';
import { DEMAND_REMINDER_KINDS } from '../../../../src/modules/demands/demands.reminders';
import { createI18n } from '../../i18n/createI18n';
import { notificationsEn } from './i18n.en';
import { notificationsZhCN } from './i18n.zh-CN';
import { NOTIFICATION_TEXT_KINDS, notificationText, subjectPath, textKind } from './messageText';

const base = { number: '2026112700042', categoryZh: '水电维修', categoryEn: 'Water and power' };
// 2026-12-03 09:00 UTC is 17:00 in Binzhou.
const DUE = '2026-12-03T09:00:00.000Z';
// 2026-12-02 03:00 UTC is 11:00 in Binzhou.
const CONTACT_DUE = '2026-12-02T03:00:00.000Z';

const CASES: { kind: string; params: Record<string, unknown>; zh: [string, string]; en: [string, string] }[] =
  [
    {
      kind: 'demand.registered',
      params: {},
      zh: ['诉求已立案', '您的诉求 No.2026112700042（水电维修）已立案，将尽快派遣办理。'],
      en: [
        'Demand registered',
        'Your demand No.2026112700042 (Water and power) has been registered and will be dispatched soon.',
      ],
    },
    {
      kind: 'demand.declined',
      params: { reason: '不属于受理范围' },
      zh: ['诉求不予立案', '您的诉求 No.2026112700042（水电维修）不予立案。说明：不属于受理范围'],
      en: [
        'Demand not accepted',
        'Your demand No.2026112700042 (Water and power) was not accepted. Reason: 不属于受理范围',
      ],
    },
    {
      kind: 'demand.merged',
      params: { intoId: 'd0', intoNumber: '2026112600007' },
      zh: [
        '诉求已合并',
        '您的诉求 No.2026112700042（水电维修）已合并到 No.2026112600007 一并办理，请在该诉求页面查看进展。',
      ],
      en: [
        'Demand merged',
        'Your demand No.2026112700042 (Water and power) was merged into No.2026112600007 and is handled with it; follow its progress on that demand’s page.',
      ],
    },
    {
      kind: 'demand.dispatched',
      params: { responsibleName: '第1网格', dueAt: DUE },
      zh: [
        '诉求已派遣',
        '您的诉求 No.2026112700042（水电维修）已派遣至第1网格办理，办理期限 2026年12月3日 17:00。',
      ],
      en: [
        'Demand dispatched',
        'Your demand No.2026112700042 (Water and power) was dispatched to 第1网格, due by Dec 3, 2026, 5:00 PM.',
      ],
    },
    {
      kind: 'demand.extended',
      params: { dueAt: DUE, reason: '需采购配件' },
      zh: [
        '办理期限延长',
        '您的诉求 No.2026112700042（水电维修）办理期限延长至 2026年12月3日 17:00。原因：需采购配件',
      ],
      en: [
        'Time limit extended',
        'The time limit of your demand No.2026112700042 (Water and power) was extended to Dec 3, 2026, 5:00 PM. Reason: 需采购配件',
      ],
    },
    {
      kind: 'demand.replied',
      params: { reply: '已更换灯泡' },
      zh: ['诉求已答复', '您的诉求 No.2026112700042（水电维修）已答复：已更换灯泡'],
      en: ['Demand answered', 'Your demand No.2026112700042 (Water and power) was answered: 已更换灯泡'],
    },
    {
      kind: 'demand.closed',
      params: {},
      zh: ['诉求已办结，请评价', '您的诉求 No.2026112700042（水电维修）已办结，请对办理结果进行评价。'],
      en: [
        'Demand closed: please rate it',
        'Your demand No.2026112700042 (Water and power) has been closed. Please rate how it was handled.',
      ],
    },
    {
      kind: 'demand.assigned',
      params: { dueAt: DUE, reassigned: false },
      zh: [
        '有诉求派给您办理',
        '诉求 No.2026112700042（水电维修）已派给您办理，办理期限 2026年12月3日 17:00。',
      ],
      en: [
        'A demand was assigned to you',
        'Demand No.2026112700042 (Water and power) was assigned to you, due by Dec 3, 2026, 5:00 PM.',
      ],
    },
    {
      kind: 'demand.assigned',
      params: { dueAt: DUE, reassigned: true },
      zh: [
        '有诉求改派给您办理',
        '诉求 No.2026112700042（水电维修）已改派给您办理，办理期限 2026年12月3日 17:00。',
      ],
      en: [
        'A demand was reassigned to you',
        'Demand No.2026112700042 (Water and power) was reassigned to you, due by Dec 3, 2026, 5:00 PM.',
      ],
    },
    {
      kind: 'demand.rework',
      params: { reason: '现场仍不亮', rework: 1 },
      zh: [
        '核查未通过，请重新办理',
        '诉求 No.2026112700042（水电维修）核查未通过，请重新办理。原因：现场仍不亮',
      ],
      en: [
        'Check failed: please handle it again',
        'Demand No.2026112700042 (Water and power) failed its check; please handle it again. Reason: 现场仍不亮',
      ],
    },
    {
      kind: 'demand.due_soon',
      params: { dueAt: DUE },
      zh: [
        '诉求即将超期',
        '诉求 No.2026112700042（水电维修）即将超期，办理期限 2026年12月3日 17:00，请抓紧办理。',
      ],
      en: [
        'Demand due soon',
        'Demand No.2026112700042 (Water and power) is due by Dec 3, 2026, 5:00 PM; please finish handling it in time.',
      ],
    },
    {
      kind: 'demand.overdue',
      params: { dueAt: DUE },
      zh: [
        '诉求已超期',
        '诉求 No.2026112700042（水电维修）已超过办理期限 2026年12月3日 17:00，请尽快办理并反馈。',
      ],
      en: [
        'Demand overdue',
        'Demand No.2026112700042 (Water and power) was due by Dec 3, 2026, 5:00 PM and is overdue; please handle it and reply as soon as possible.',
      ],
    },
    {
      kind: 'demand.contact_late',
      params: { contactDueAt: CONTACT_DUE },
      zh: [
        '首次联系超时',
        '诉求 No.2026112700042（水电维修）应于 2026年12月2日 11:00 前首次联系诉求人，目前尚未联系，请尽快联系。',
      ],
      en: [
        'First contact overdue',
        'Demand No.2026112700042 (Water and power): the resident should have been contacted by Dec 2, 2026, 11:00 AM and has not been yet; please contact them now.',
      ],
    },
  ];

describe('the text of a message', () => {
  it('has a text for every kind the server writes', () => {
    for (const kind of [...DEMAND_NOTICE_KINDS, ...DEMAND_REMINDER_KINDS])
      expect(NOTIFICATION_TEXT_KINDS).toContain(kind);
    expect(Object.keys(notificationsEn.kinds.demand).sort()).toEqual(
      Object.keys(notificationsZhCN.kinds.demand).sort(),
    );
  });

  it.each(CASES)('$kind reads in Chinese and English', ({ kind, params, zh, en }) => {
    const item = { kind, params: { ...base, ...params } };
    const inZh = notificationText(item, createI18n('zh-CN'), 'zh-CN');
    const inEn = notificationText(item, createI18n('en'), 'en');
    expect([inZh.title, inZh.body]).toEqual(zh);
    expect([inEn.title, inEn.body]).toEqual(en);
  });

  it('says what is missing rather than leaving a gap', () => {
    const zh = notificationText({ kind: 'demand.dispatched', params: base }, createI18n('zh-CN'), 'zh-CN');
    expect(zh.body).toBe('您的诉求 No.2026112700042（水电维修）已派遣至责任单位办理，办理期限 未定。');
    const en = notificationText({ kind: 'demand.replied', params: base }, createI18n('en'), 'en');
    expect(en.body).toBe('Your demand No.2026112700042 (Water and power) was answered: (none)');
  });

  it('reads a kind this client does not know generically', () => {
    expect(textKind({ kind: 'owners.vote_opened', params: {} })).toBe('unknown');
    const zh = notificationText({ kind: 'owners.vote_opened', params: base }, createI18n('zh-CN'), 'zh-CN');
    expect(zh).toEqual({ title: '新消息', body: '诉求 No.2026112700042 有新进展。' });
  });
});

describe('where a message opens', () => {
  const item = (kind: string) => ({ kind, subjectType: 'demand' as const, subjectId: 'd 1' });
  it('a resident’s demand on a phone, a handler’s task on a phone, the demand page in the console', () => {
    expect(subjectPath(item('demand.replied'), 'mobile')).toBe('/m/demands/d%201');
    expect(subjectPath(item('demand.assigned'), 'mobile')).toBe('/m/tasks/d%201');
    expect(subjectPath(item('demand.rework'), 'mobile')).toBe('/m/tasks/d%201');
    expect(subjectPath(item('demand.assigned'), 'console')).toBe('/demands/d%201');
    expect(subjectPath(item('demand.closed'), 'console')).toBe('/demands/d%201');
  });

  it('a deadline reminder opens the handler’s task on a phone and the demand page in the console', () => {
    for (const kind of ['demand.due_soon', 'demand.overdue', 'demand.contact_late']) {
      expect(subjectPath(item(kind), 'mobile')).toBe('/m/tasks/d%201');
      expect(subjectPath(item(kind), 'console')).toBe('/demands/d%201');
    }
  });
});
