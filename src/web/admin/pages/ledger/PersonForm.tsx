import {
  Alert,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  derivePersonFromId,
  PersonCreate,
  PersonUpdate,
} from '../../../../domain/ledger/person-schema';
import { nextStatuses, type PersonStatus } from '../../../../domain/ledger/person-categories';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { RegionCascader } from '../../components/RegionCascader';
import { useI18n } from '../../i18n/i18n';
import { useRegionScope } from '../../layout/RegionScope';
import { useCodeName, useCodeOptions, useIssueText } from './names';
import { PROVINCES } from './provinces';
import { personBody, PERSON_FIELDS, personInitial, type PersonValues } from './personFormValues';
import type { PersonDetail } from './types';
import { fieldRule, showIssues, showServerErrors } from './validation';

/** 新增/编辑人员: every field checked in the browser by the domain's schema, as the server does. */
export function PersonForm({
  person,
  onClose,
  onSaved,
}: {
  person?: PersonDetail;
  onClose: () => void;
  onSaved: (saved: PersonDetail) => void;
}) {
  const { t, locale } = useI18n();
  const issueText = useIssueText();
  const options = useCodeOptions();
  const codeName = useCodeName();
  const { roots, current } = useRegionScope();
  const [form] = Form.useForm<PersonValues>();
  const idNumber = Form.useWatch('idNumber', form);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const facts = idNumber ? derivePersonFromId(idNumber) : null;
  const rule = (field: string) => fieldRule(PersonUpdate, field, issueText);
  const required = (key: 'ledger.required' | 'ledger.requiredChoose') => ({
    required: true,
    message: t(key),
  });

  const statusOptions = options('status').filter(
    (o) =>
      !person ||
      o.value === person.status ||
      nextStatuses(person.status as PersonStatus).includes(o.value as PersonStatus),
  );

  const submit = async (v: PersonValues) => {
    setError(null);
    const body = personBody(v, person);
    const { ledgerRegionCode: _ledger, ...checked } = body;
    const local = person ? PersonUpdate.safeParse(checked) : PersonCreate.safeParse(checked);
    if (!local.success && showIssues(form, local.error.issues, PERSON_FIELDS, issueText)) return;
    setBusy(true);
    try {
      const saved = await api<PersonDetail>(person ? `/api/people/${person.id}` : '/api/people', {
        method: person ? 'PATCH' : 'POST',
        body,
      });
      onSaved(saved);
    } catch (err) {
      const byCode = { PERSON_DUPLICATE: 'idNumber', SCOPE_OUTSIDE_OWN: 'ledgerRegionCode' };
      if (!showServerErrors(form, err, PERSON_FIELDS, byCode)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      size={760}
      title={person ? t('ledger.person.edit', { name: person.name }) : t('ledger.person.create')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('ledger.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error} />
      {person && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('ledger.person.editHint')}
        />
      )}
      <Form<PersonValues>
        form={form}
        layout="vertical"
        name="person-form"
        initialValues={personInitial(person, current)}
        onFinish={(v) => void submit(v)}
        requiredMark
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('lp.name')}
              rules={[required('ledger.required'), rule('name')]}
            >
              <Input maxLength={30} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="idNumber"
              label={t('lp.idNumber')}
              validateFirst
              rules={person ? [rule('idNumber')] : [required('ledger.required'), rule('idNumber')]}
              extra={
                facts
                  ? t('ledger.person.fromId', {
                      sex: codeName('sex', facts.sex),
                      birth: facts.birthDate,
                    })
                  : person
                    ? t('ledger.person.keepMasked', { masked: person.idNumberMasked })
                    : undefined
              }
            >
              <Input
                maxLength={20}
                autoComplete="off"
                placeholder={person ? t('ledger.keepBlank') : undefined}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="mobile"
              label={t('lp.mobile')}
              rules={person ? [rule('mobile')] : [required('ledger.required'), rule('mobile')]}
              extra={
                person?.mobileMasked
                  ? t('ledger.person.keepMasked', { masked: person.mobileMasked })
                  : undefined
              }
            >
              <Input
                maxLength={20}
                autoComplete="off"
                placeholder={person ? t('ledger.keepBlank') : undefined}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="categories"
              label={t('lp.categories')}
              rules={[{ required: true, message: issueText('CATEGORIES_EMPTY') }]}
            >
              <Select mode="multiple" options={options('category')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="status"
              label={t('lp.status')}
              rules={[required('ledger.requiredChoose')]}
              extra={person ? t('ledger.person.statusHint') : undefined}
            >
              <Select options={statusOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="education"
              label={t('lp.education')}
              rules={[required('ledger.requiredChoose')]}
            >
              <Select options={options('education')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="hukouRegionCode"
              label={t('lp.hukouRegionCode')}
              rules={[required('ledger.requiredChoose')]}
            >
              <RegionCascader roots={roots} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="currentRegionCode"
              label={t('lp.currentRegionCode')}
              rules={[required('ledger.requiredChoose')]}
            >
              <RegionCascader roots={roots} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="ledgerRegionCode"
              label={t('lp.ledgerRegionCode')}
              extra={t('ledger.person.ledgerRegionHint')}
            >
              <RegionCascader roots={roots} allowClear />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="awayProvinceCode" label={t('lp.awayProvinceCode')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={PROVINCES.map((p) => ({
                  value: p.code,
                  label: locale === 'en' ? p.en : p.zh,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="awayCityCode"
              label={t('lp.awayCityCode')}
              rules={[rule('awayCityCode')]}
              extra={t('ledger.person.cityHint')}
            >
              <Input maxLength={4} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="monthsAway" label={t('lp.monthsAway')} rules={[rule('monthsAway')]}>
              <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="returnDate" label={t('lp.returnDate')}>
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="skills" label={t('lp.skills')} rules={[rule('skills')]}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
