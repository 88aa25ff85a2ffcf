import {
  App,
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
  Switch,
  TreeSelect,
} from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useState } from 'react';
import { parseCreditCode } from '../../../../domain/identity/credit-code';
import { EntityCreate, EntityUpdate } from '../../../../domain/ledger/entity-schema';
import { ABOVE_SCALE_REVENUE_WAN } from '../../../../domain/ledger/entity-types';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { RegionCascader } from '../../components/RegionCascader';
import { useT } from '../../i18n/i18n';
import { useRegionScope } from '../../layout/RegionScope';
import { useCodeOptions, useIndustryTree, useIssueText } from './names';
import { ParkSelect } from './ParkSelect';
import { RecordSelect } from './RecordSelect';
import { entityBody, ENTITY_FIELDS, entityInitial, type EntityValues } from './entityFormValues';
import type { EntityDetail } from './types';
import { fieldRule, showIssues, showServerErrors } from './validation';

/** 新增/编辑市场主体: checked by the domain's schema; a failing credit-code check is only a warning. */
export function EntityForm({
  entity,
  onClose,
  onSaved,
}: {
  entity?: EntityDetail;
  onClose: () => void;
  onSaved: (saved: EntityDetail) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const issueText = useIssueText();
  const options = useCodeOptions();
  const industries = useIndustryTree();
  const { roots, current } = useRegionScope();
  const [form] = Form.useForm<EntityValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const rule = (field: string) => fieldRule(EntityUpdate, field, issueText);
  const required = { required: true, message: t('ledger.required') };
  const choose = { required: true, message: t('ledger.requiredChoose') };
  const checksumWarning: Rule = {
    warningOnly: true,
    validator: (_r, v: string | undefined) => {
      const r = v ? parseCreditCode(v) : null;
      return r?.ok && r.warning
        ? Promise.reject(new Error(issueText(r.warning)))
        : Promise.resolve();
    },
  };

  const submit = async (v: EntityValues) => {
    setError(null);
    const body = entityBody(v, entity);
    const local = entity ? EntityUpdate.safeParse(body) : EntityCreate.safeParse(body);
    if (!local.success && showIssues(form, local.error.issues, ENTITY_FIELDS, issueText)) return;
    setBusy(true);
    try {
      const saved = await api<EntityDetail>(
        entity ? `/api/entities/${entity.id}` : '/api/entities',
        {
          method: entity ? 'PATCH' : 'POST',
          body,
        },
      );
      if (saved.warnings.includes('CREDIT_CODE_CHECKSUM'))
        void message.warning(issueText('CREDIT_CODE_CHECKSUM'));
      onSaved(saved);
    } catch (err) {
      const byCode = {
        ENTITY_DUPLICATE: 'creditCode',
        SCOPE_OUTSIDE_OWN: 'regionCode',
        LINKED_PERSON_NOT_FOUND: 'founder',
      };
      if (!showServerErrors(form, err, ENTITY_FIELDS, byCode)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  const count = (name: keyof EntityValues, label: string) => (
    <Col span={6}>
      <Form.Item name={name} label={label} rules={[rule(name)]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <Drawer
      open
      size={780}
      title={entity ? t('ledger.entity.edit', { name: entity.name }) : t('ledger.entity.create')}
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
      <Form<EntityValues>
        form={form}
        layout="vertical"
        name="entity-form"
        initialValues={entityInitial(entity, current)}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="name" label={t('le.name')} rules={[required, rule('name')]}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="creditCode"
              label={t('le.creditCode')}
              validateFirst
              rules={[required, rule('creditCode'), checksumWarning]}
            >
              <Input maxLength={20} autoComplete="off" style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="type" label={t('le.type')} rules={[choose]}>
              <Select options={options('entityType')} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="industryCode"
              label={t('le.industryCode')}
              rules={[choose, rule('industryCode')]}
            >
              <TreeSelect
                treeData={industries}
                showSearch={{ treeNodeFilterProp: 'title' }}
                placeholder={t('ledger.entity.industryPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="regionCode" label={t('le.regionCode')} rules={[choose]}>
              <RegionCascader roots={roots} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="foundedOn" label={t('le.foundedOn')} rules={[choose]}>
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="parkOrgId" label={t('le.parkOrgId')}>
              <ParkSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="parkUnit" label={t('le.parkUnit')} rules={[rule('parkUnit')]}>
              <Input maxLength={50} placeholder={t('ledger.entity.parkUnitPlaceholder')} />
            </Form.Item>
          </Col>
          {count('employees', t('le.employees'))}
          {count('jobsCreated', t('le.jobsCreated'))}
          {count('jobsPoverty', t('le.jobsPoverty'))}
          <Col span={6}>
            <Form.Item
              name="registeredCapitalWan"
              label={t('le.registeredCapitalWan')}
              rules={[rule('registeredCapitalWan')]}
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="annualRevenueWan"
              label={t('le.annualRevenueWan')}
              rules={[rule('annualRevenueWan')]}
              extra={t('ledger.entity.aboveScaleHint', { wan: ABOVE_SCALE_REVENUE_WAN })}
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="isWorkshop" label={t('le.isWorkshop')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="isEcommerce" label={t('le.isEcommerce')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="products" label={t('le.products')} rules={[rule('products')]}>
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
          </Col>
          {!entity && (
            <Col span={24}>
              <Form.Item
                name="founder"
                label={t('ledger.entity.founder')}
                extra={t('ledger.entity.founderHint')}
              >
                <RecordSelect kind="person" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Drawer>
  );
}
