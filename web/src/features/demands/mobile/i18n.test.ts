import { describe, expect, it } from 'vitest';
import { DEMAND_STATUSES, RATINGS } from '../../../../../src/modules/demands/demands.table';
import { DEMAND_ACTION_NAMES } from '../../../../../src/modules/demands/demands.workflow';
import { createI18n } from '../../../i18n/createI18n';
import { demandsMobileEn } from './i18n.en';
import { demandsMobileZhCN } from './i18n.zh-CN';
import { TASK_ACTIONS } from './taskActions';
import { WORKFLOW_STEPS } from './workflowSteps';

describe('demandsMobile strings', () => {
  it('name every workflow step and task hint in both languages', () => {
    for (const strings of [demandsMobileZhCN, demandsMobileEn]) {
      for (const step of WORKFLOW_STEPS) {
        expect(strings.steps.short[step]).toBeTruthy();
        expect(strings.steps.long[step]).toBeTruthy();
      }
      for (const action of TASK_ACTIONS) expect(strings.taskHints[action]).toBeTruthy();
    }
  });

  it('find the statuses, actions (a follow too) and ratings they show in the console namespace', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(language);
      const keys = [
        ...DEMAND_STATUSES.map((status) => `demands:status.${status}`),
        ...[...DEMAND_ACTION_NAMES, 'receive', 'follow', ...TASK_ACTIONS].map((a) => `demands:actions.${a}`),
        ...RATINGS.map((rating) => `demands:rating.${rating}`),
      ];
      for (const key of keys) expect(i18n.exists(key), `${language} ${key}`).toBe(true);
    }
  });

  it('uses the eight workflow words of 接诉即办 in Chinese', () => {
    expect(WORKFLOW_STEPS.map((step) => demandsMobileZhCN.steps.short[step]).join('')).toBe(
      '受理立案派遣处置反馈核查结案回访',
    );
  });
});
