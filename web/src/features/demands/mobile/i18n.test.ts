import { describe, expect, it } from 'vitest';
import { DEMAND_STATUSES, RATINGS } from '../../../../../src/modules/demands/demands.table';
import { DEMAND_ACTION_NAMES } from '../../../../../src/modules/demands/demands.workflow';
import { demandsMobileEn } from './i18n.en';
import { demandsMobileZhCN } from './i18n.zh-CN';
import { TASK_ACTIONS } from './taskActions';
import { WORKFLOW_STEPS } from './workflowSteps';

describe('demandsMobile strings', () => {
  it('name every status, workflow step, action and rating in both languages', () => {
    for (const strings of [demandsMobileZhCN, demandsMobileEn]) {
      for (const status of DEMAND_STATUSES) expect(strings.status[status]).toBeTruthy();
      for (const step of WORKFLOW_STEPS) {
        expect(strings.steps.short[step]).toBeTruthy();
        expect(strings.steps.long[step]).toBeTruthy();
      }
      for (const action of [...DEMAND_ACTION_NAMES, 'receive'])
        expect(strings.actions).toHaveProperty(action);
      for (const action of TASK_ACTIONS) {
        expect(strings.taskActions[action]).toBeTruthy();
        expect(strings.taskHints[action]).toBeTruthy();
      }
      for (const rating of RATINGS) expect(strings.ratings[rating]).toBeTruthy();
    }
  });

  it('uses the eight workflow words of 接诉即办 in Chinese', () => {
    expect(WORKFLOW_STEPS.map((step) => demandsMobileZhCN.steps.short[step]).join('')).toBe(
      '受理立案派遣处置反馈核查结案回访',
    );
  });
});
