import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompoundState } from '../api';

const COLORS: Record<CompoundState, string> = {
  none: 'default',
  preparatory: 'processing',
  formed: 'success',
  term_ended: 'warning',
};

export type CommitteeStateTagProps = { state: CompoundState };

export function CommitteeStateTag({ state }: CommitteeStateTagProps) {
  const { t } = useTranslation('owners');
  return (
    <Tag color={COLORS[state]} data-testid="committee-state" data-state={state}>
      {t(`states.${state}`)}
    </Tag>
  );
}
