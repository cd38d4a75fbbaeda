import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Cascader, Checkbox, Col, Flex, Form, Input, Row, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AreaSummary } from '../../../areas/api';
import { useSession } from '../../../iam/hooks/useSession';
import { type CreateDemandInput, createDemand, newIdempotencyKey } from '../../api';
import { AreaTreePicker } from '../components/AreaTreePicker';
import { AttributeFields } from '../components/AttributeFields';
import { DuplicatesPanel } from '../components/DuplicatesPanel';
import { PhotoUploader } from '../components/PhotoUploader';
import { PointPicker } from '../components/PointPicker';
import { type DemandProblem, describeDemandError, formErrors } from '../errors';
import { useCategories } from '../hooks';
import { buildIntakeBody, categoryTree, type IntakeValues, placeGiven } from '../intake';

/** Server field names → this form's (the cascader holds the category's path). */
const FORM_FIELD: Record<string, string> = { categoryCode: 'category' };
const FORM_FIELDS = [
  'category',
  'description',
  'areaCode',
  'location',
  'address',
  'reporterName',
  'reporterPhone',
  'photos',
  'attributes',
];

export type IntakePageProps = Record<string, never>;

/**
 * 受理热线诉求 (/demands/new): a hotline operator files a caller's demand. The place is an area, a
 * point on the map or a typed address; open demands of the same category nearby are offered before
 * submitting. One Idempotency-Key per submission, so a retried submit never files twice.
 */
export function IntakePage(_props: IntakePageProps) {
  const { t, i18n } = useTranslation('demands');
  const { message } = App.useApp();
  const session = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<IntakeValues>();
  const categories = useCategories();
  const [place, setPlace] = useState<AreaSummary | undefined>();
  const [problem, setProblem] = useState<DemandProblem | null>(null);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const categoryPath = Form.useWatch('category', form);
  const point = Form.useWatch('location', form);
  const categoryCode = categoryPath?.at(-1);
  const options = useMemo(
    () => categoryTree(categories.data ?? [], i18n.language, true),
    [categories.data, i18n.language],
  );
  const category = categories.data?.find((c) => c.code === categoryCode);

  const file = useMutation({
    mutationFn: (body: CreateDemandInput) => {
      const text = JSON.stringify(body);
      // The same body again (a retry after a lost answer) keeps its key; a changed form gets a new one.
      if (attempt.current?.body !== text) attempt.current = { key: newIdempotencyKey(), body: text };
      return createDemand(body, attempt.current.key, session.csrfToken);
    },
    onSuccess: (filed) => {
      message.success(t('intake.submitted', { number: filed.number }));
      navigate(`/demands/${filed.id}`);
    },
    onError: (error) => {
      const described = describeDemandError(error, i18n);
      const mapped = formErrors(
        {
          ...described,
          fields: described.fields.map((f) => ({ ...f, field: FORM_FIELD[f.field] ?? f.field })),
        },
        FORM_FIELDS,
      );
      form.setFields(mapped.fields as Parameters<typeof form.setFields>[0]);
      setProblem({ message: described.message, fields: mapped.other });
    },
  });

  const submit = (values: IntakeValues) => {
    setProblem(null);
    if (!placeGiven(values)) {
      form.setFields([{ name: 'address', errors: [t('intake.placeRequired')] }]);
      return;
    }
    file.mutate(buildIntakeBody(values));
  };

  return (
    <Flex vertical gap={16} data-testid="demand-intake">
      <Card
        title={t('intake.title')}
        extra={
          <Link to="/demands">
            <Button icon={<ArrowLeftOutlined />}>{t('intake.back')}</Button>
          </Link>
        }
      >
        <Row gutter={24}>
          <Col xs={24} lg={14}>
            <Form<IntakeValues>
              form={form}
              layout="vertical"
              onFinish={submit}
              initialValues={{ anonymous: false, callbackConsent: true, photos: [], location: null }}
            >
              <Form.Item
                name="category"
                label={t('intake.category')}
                rules={[{ required: true, message: t('dialog.required') }]}
                extra={
                  category
                    ? t('intake.categoryLimit', {
                        limit: category.handleLimit,
                        unit: t(`limitUnit.${category.handleUnit}`),
                        hours: category.firstContactHours,
                      })
                    : undefined
                }
              >
                <Cascader
                  options={options}
                  changeOnSelect
                  showSearch
                  placeholder={t('intake.categoryPlaceholder')}
                  loading={categories.isPending}
                  data-testid="intake-category"
                />
              </Form.Item>
              <Form.Item
                name="description"
                label={t('intake.description')}
                rules={[{ required: true, whitespace: true, message: t('dialog.required') }]}
              >
                <Input.TextArea
                  rows={4}
                  maxLength={2000}
                  showCount
                  placeholder={t('intake.descriptionPlaceholder')}
                  data-testid="intake-description"
                />
              </Form.Item>
              {category?.attributes.length ? (
                <Card size="small" title={t('intake.attributes')} style={{ marginBottom: 16 }}>
                  <AttributeFields attributes={category.attributes} />
                </Card>
              ) : null}
              <Typography.Title level={5}>{t('intake.place')}</Typography.Title>
              <Typography.Paragraph type="secondary">{t('intake.placeHint')}</Typography.Paragraph>
              <Form.Item name="areaCode" label={t('intake.area')}>
                <AreaTreePicker
                  placeholder={t('intake.areaPlaceholder')}
                  onChange={(code, area) => setPlace(code ? area : undefined)}
                  testId="intake-area"
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item name="location" label={t('intake.point')}>
                <PointPicker place={place} />
              </Form.Item>
              <Form.Item name="address" label={t('intake.address')}>
                <Input
                  maxLength={300}
                  placeholder={t('intake.addressPlaceholder')}
                  data-testid="intake-address"
                />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="reporterName" label={t('intake.reporterName')}>
                    <Input maxLength={50} data-testid="intake-reporter-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="reporterPhone" label={t('intake.reporterPhone')}>
                    <Input maxLength={32} inputMode="tel" data-testid="intake-reporter-phone" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="anonymous" valuePropName="checked" style={{ marginBottom: 4 }}>
                <Checkbox data-testid="intake-anonymous">{t('intake.anonymous')}</Checkbox>
              </Form.Item>
              <Form.Item name="callbackConsent" valuePropName="checked">
                <Checkbox data-testid="intake-callback">{t('intake.callbackConsent')}</Checkbox>
              </Form.Item>
              <Form.Item name="photos" label={t('intake.photos')} extra={t('intake.photosHint')}>
                <PhotoUploader testId="intake-photos" />
              </Form.Item>
              {problem ? (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={problem.message}
                  description={
                    problem.fields.length
                      ? problem.fields.map((f) => `${f.label} — ${f.message}`).join('; ')
                      : undefined
                  }
                  data-testid="intake-error"
                />
              ) : null}
              <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="intake-submit">
                {t('intake.submit')}
              </Button>
            </Form>
          </Col>
          <Col xs={24} lg={10}>
            <div style={{ position: 'sticky', top: 16 }}>
              <DuplicatesPanel categoryCode={categoryCode} point={point} />
            </div>
          </Col>
        </Row>
      </Card>
    </Flex>
  );
}
