import { App as AntApp, Button, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { useLanguage } from '../../../../i18n/useLanguage';
import type { CalendarDayView } from '../api';
import { canBeMakeup } from '../calendarGrid';
import { serverFieldErrors } from '../formErrors';
import { useClearCalendarDay, useSetCalendarDay } from '../hooks';

type Values = { kind: 'holiday' | 'workday'; name: string };

export type DayModalProps = { date: string | null; entry: CalendarDayView | undefined; onClose: () => void };

/** Sets a day as a day off or a make-up working day (weekends only), or clears it. */
export function DayModal({ date, entry, onClose }: DayModalProps) {
  const { t, i18n } = useTranslation('demandsAdmin');
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const set = useSetCalendarDay();
  const clear = useClearCalendarDay();
  const weekend = date ? canBeMakeup(date) : false;
  const weekday = date ? new Date(`${date}T00:00:00Z`).getUTCDay() : 0;
  const fail = (error: unknown) => {
    const found = serverFieldErrors(error, language, ['kind', 'name']);
    form.setFields(found.fields as Parameters<typeof form.setFields>[0]);
    void message.error(found.other[0] ?? apiErrorMessage(error, i18n));
  };
  const submit = (values: Values) =>
    set.mutate(
      { date: date!, body: values },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: fail,
      },
    );
  return (
    <Modal
      open={date !== null}
      title={date ? t('calendar.dayTitle', { date, weekday: t(`calendar.weekdays.d${weekday}`) }) : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        entry ? (
          <Button
            key="clear"
            danger
            loading={clear.isPending}
            data-testid="day-clear"
            onClick={() =>
              clear.mutate(date!, {
                onSuccess: () => {
                  void message.success(t('calendar.cleared'));
                  onClose();
                },
                onError: fail,
              })
            }
          >
            {t('calendar.clear')}
          </Button>
        ) : null,
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={set.isPending}
          onClick={() => form.submit()}
          data-testid="day-save"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: entry?.kind ?? 'holiday', name: entry?.name ?? '' }}
        data-testid="day-form"
      >
        <Form.Item
          name="kind"
          label={t('calendar.kind')}
          extra={weekend ? null : t('calendar.makeupOnlyWeekend')}
        >
          <Radio.Group
            options={[
              { value: 'holiday', label: t('calendar.kindHoliday') },
              { value: 'workday', label: t('calendar.kindWorkday'), disabled: !weekend },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.name')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input placeholder={t('calendar.namePlaceholder')} data-testid="day-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
