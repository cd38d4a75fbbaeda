import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Flex,
  Form,
  InputNumber,
  Radio,
  Row,
  Skeleton,
  Switch,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { useLanguage } from '../../../../i18n/useLanguage';
import type { DemandSettings, SettingsPatch } from '../api';
import { AdminFrame } from '../components/AdminFrame';
import { serverFieldErrors } from '../formErrors';
import { useSettings, useUpdateSettings } from '../hooks';
import { useCityManager } from '../useCityManager';

type Values = {
  rates: DemandSettings['rates'];
  start: Dayjs;
  end: Dayjs;
  lunch: boolean;
  lunchStart?: Dayjs;
  lunchEnd?: Dayjs;
  dueSoonHours: number;
  whistleReportHours: number;
  duplicateRadiusMeters: number;
  duplicateWindowDays: number;
};

const HHMM = 'HH:mm';
const time = (s: string) => dayjs(`2000-01-01T${s}:00`);

function valuesOf(s: DemandSettings): Values {
  return {
    rates: s.rates,
    start: time(s.workingHours.start),
    end: time(s.workingHours.end),
    lunch: Boolean(s.workingHours.lunch),
    lunchStart: s.workingHours.lunch ? time(s.workingHours.lunch.start) : time('12:00'),
    lunchEnd: s.workingHours.lunch ? time(s.workingHours.lunch.end) : time('13:00'),
    dueSoonHours: s.dueSoonHours,
    whistleReportHours: s.whistleReportHours,
    duplicateRadiusMeters: s.duplicateRadiusMeters,
    duplicateWindowDays: s.duplicateWindowDays,
  };
}

function patchOf(v: Values): SettingsPatch {
  return {
    rates: v.rates,
    workingHours: {
      start: v.start.format(HHMM),
      end: v.end.format(HHMM),
      ...(v.lunch && v.lunchStart && v.lunchEnd
        ? { lunch: { start: v.lunchStart.format(HHMM), end: v.lunchEnd.format(HHMM) } }
        : {}),
    },
    dueSoonHours: v.dueSoonHours,
    whistleReportHours: v.whistleReportHours,
    duplicateRadiusMeters: v.duplicateRadiusMeters,
    duplicateWindowDays: v.duplicateWindowDays,
  };
}

export type SettingsPageProps = Record<string, never>;

/** 参数设置 (/demands/admin/settings): weights of the three rates, working hours, warning windows. */
export function SettingsPage(_props: SettingsPageProps) {
  const { t, i18n } = useTranslation('demandsAdmin');
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const manager = useCityManager();
  const settings = useSettings();
  const update = useUpdateSettings();
  const [form] = Form.useForm<Values>();
  const weights = Form.useWatch(['rates', 'weights'], form);
  const lunch = Form.useWatch('lunch', form);
  const sum = weights ? (weights.response ?? 0) + (weights.resolution ?? 0) + (weights.satisfaction ?? 0) : 1;
  const sumOk = Math.abs(sum - 1) <= 1e-9;

  const submit = (values: Values) =>
    update.mutate(patchOf(values), {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (error) => {
        const found = serverFieldErrors(
          error,
          language,
          [
            'rates',
            'end',
            'dueSoonHours',
            'whistleReportHours',
            'duplicateRadiusMeters',
            'duplicateWindowDays',
          ],
          { 'rates.weights': ['rates', 'weights', 'satisfaction'], workingHours: ['end'] },
        );
        form.setFields(found.fields as Parameters<typeof form.setFields>[0]);
        void message.error(found.other[0] ?? apiErrorMessage(error, i18n));
      },
    });

  const weight = (key: 'response' | 'resolution' | 'satisfaction') => (
    <Form.Item name={['rates', 'weights', key]} label={t(`settings.${key}`)} rules={[{ required: true }]}>
      <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} data-testid={`weight-${key}`} />
    </Form.Item>
  );
  const count = (name: keyof Values, max: number) => (
    <Form.Item name={name} label={t(`settings.${name}`)} rules={[{ required: true }]}>
      <InputNumber
        min={1}
        max={max}
        precision={0}
        style={{ width: '100%' }}
        data-testid={`setting-${name}`}
      />
    </Form.Item>
  );

  return (
    <AdminFrame
      testId="demands-settings-page"
      title={t('settings.title')}
      hint={t('settings.ratesHint')}
      readOnly={!manager}
    >
      {settings.isError ? (
        <Alert type="error" showIcon title={apiErrorMessage(settings.error, i18n)} />
      ) : null}
      {!settings.data ? (
        <Skeleton active />
      ) : (
        <Form
          form={form}
          disabled={!manager}
          layout="vertical"
          initialValues={valuesOf(settings.data)}
          onFinish={submit}
          data-testid="settings-form"
        >
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={t('settings.ratesTitle')} size="small">
                <Row gutter={12}>
                  <Col span={8}>{weight('response')}</Col>
                  <Col span={8}>{weight('resolution')}</Col>
                  <Col span={8}>{weight('satisfaction')}</Col>
                </Row>
                <Typography.Text type={sumOk ? 'secondary' : 'danger'} data-testid="weight-sum">
                  {t('settings.weightSum', { sum: Math.round(sum * 1e6) / 1e6 })}
                </Typography.Text>
                <Form.Item
                  name={['rates', 'basicFactor']}
                  label={t('settings.basicFactor')}
                  rules={[{ required: true }]}
                  style={{ marginTop: 12 }}
                >
                  <InputNumber
                    min={0}
                    max={1}
                    step={0.05}
                    style={{ width: '100%' }}
                    data-testid="basic-factor"
                  />
                </Form.Item>
                <Form.Item name={['rates', 'denominator']} label={t('settings.denominator')}>
                  <Radio.Group
                    options={(['callback', 'closed'] as const).map((d) => ({
                      value: d,
                      label: t(`settings.denominators.${d}`),
                    }))}
                  />
                </Form.Item>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Flex vertical gap={16}>
                <Card title={t('settings.hoursTitle')} size="small">
                  <Flex gap={12} wrap>
                    <Form.Item name="start" label={t('settings.start')} rules={[{ required: true }]}>
                      <TimePicker format={HHMM} minuteStep={5} allowClear={false} />
                    </Form.Item>
                    <Form.Item name="end" label={t('settings.end')} rules={[{ required: true }]}>
                      <TimePicker format={HHMM} minuteStep={5} allowClear={false} />
                    </Form.Item>
                    <Form.Item name="lunch" label={t('settings.lunch')} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                    {lunch ? (
                      <>
                        <Form.Item name="lunchStart" label={t('settings.lunchStart')}>
                          <TimePicker format={HHMM} minuteStep={5} allowClear={false} />
                        </Form.Item>
                        <Form.Item name="lunchEnd" label={t('settings.lunchEnd')}>
                          <TimePicker format={HHMM} minuteStep={5} allowClear={false} />
                        </Form.Item>
                      </>
                    ) : null}
                  </Flex>
                </Card>
                <Card title={t('settings.warningsTitle')} size="small">
                  <Row gutter={12}>
                    <Col span={12}>{count('dueSoonHours', 200)}</Col>
                    <Col span={12}>{count('whistleReportHours', 200)}</Col>
                    <Col span={12}>{count('duplicateRadiusMeters', 10_000)}</Col>
                    <Col span={12}>{count('duplicateWindowDays', 365)}</Col>
                  </Row>
                </Card>
              </Flex>
            </Col>
          </Row>
          <Button
            type="primary"
            htmlType="submit"
            loading={update.isPending}
            style={{ marginTop: 16 }}
            data-testid="settings-save"
          >
            {t('common.save')}
          </Button>
        </Form>
      )}
    </AdminFrame>
  );
}
