import type { TFunction } from 'i18next';
import type { LimitUnit } from './api';

/** `3 个工作日`, `2 工作小时`, `15 个自然日` (3 working days …). */
export function limitText(t: TFunction<'demandsAdmin'>, limit: number, unit: LimitUnit): string {
  return `${limit} ${t(`units.${unit}`)}`;
}
