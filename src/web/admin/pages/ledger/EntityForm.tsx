import { App, Form, Input, InputNumber, Row, Select, Switch, TreeSelect } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useState } from 'react';
import { parseCreditCode } from '../../../../domain/identity/credit-code';
import { EntityCreate, EntityUpdate } from '../../../../domain/ledger/entity-schema';
import { ABOVE_SCALE_REVENUE_WAN } from '../../../../domain/ledger/entity-types';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { RegionCascader } from '../../components/RegionCascader';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';
import { useRegionScope } from '../../layout/RegionScope';
import { FieldCol, PastDatePicker } from './FieldCol';
import { DuplicateNotice, duplicateOf } from './DuplicateNotice';
import { FormDrawer } from './FormDrawer';
import { useCodeOptions, useIndustryTree, useIssueText } from './names';
import { ParkSelect } from './ParkSelect';
import { RecordSelect } from './RecordSelect';
import { entityBody, ENTITY_FIELDS, entityInitial, type EntityValues } from './entityFormValues';
import type { EntityDetail } from './types';
import { fieldRule, showIssues, showServerErrors } from './validation';

/** Server refusals and the field each belongs to. */
const FIELD_OF_CODE = {
  ENTITY_DUPLICATE: 'creditCode',
  SCOPE_OUTSIDE_OWN: 'regionCode',
  LINKED_PERSON_NOT_FOUND: 'founder',
};

/**
 * 新增/编辑市场主体: checked by the domain's schema. A credit code failing its check character is
 * an error unless the record is marked as an early pilot code with a reason; then it is a warning.
 */
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
  const rule = (field: string) => fieldRule(EntityUpdate, field, issueText);
  const required = { required: true, message: t('ledger.required') };
  const choose = { required: true, message: t('ledger.requiredChoose') };
  const pilot = Form.useWatch('pilotCode', form) === true;
  const checksumFails = (v: string | undefined) => {
    const r = v ? parseCreditCode(v) : null;
    return r?.ok === true && r.warning !== undefined;
  };
  // The checksum rule turns into a warning once the code is marked as a pilot code: check the
  // code again after the render that carries the new rule (a dependency would check it with the
  // rule of the render before, and leave the error standing).
  useEffect(() => {
    if (form.isFieldTouched('creditCode')) {
      form.validateFields(['creditCode']).catch(() => undefined);
    }
  }, [pilot, form]);
  const checksumRule: Rule = {
    warningOnly: pilot,
    validator: (_r, v: string | undefined) =>
      checksumFails(v)
        ? Promise.reject(new Error(issueText('CREDIT_CODE_CHECKSUM')))
        : Promise.resolve(),
  };

  const [existing, setExisting] = useState<string | null>(null);
  const save = useSubmit(
    async (v: EntityValues) => {
      setExisting(null);
      const body = entityBody(v, entity);
      const local = entity ? EntityUpdate.safeParse(body) : EntityCreate.safeParse(body);
      if (!local.success && showIssues(form, local.error.issues, ENTITY_FIELDS, issueText)) return;
      const saved = await api<EntityDetail>(
        entity ? `/api/entities/${entity.id}` : '/api/entities',
        { method: entity ? 'PATCH' : 'POST', body },
      );
      if (saved.warnings.includes('CREDIT_CODE_CHECKSUM'))
        void message.warning(issueText('CREDIT_CODE_PILOT'));
      onSaved(saved);
    },
    (err) => {
      setExisting(duplicateOf(err));
      return showServerErrors(form, err, ENTITY_FIELDS, FIELD_OF_CODE);
    },
  );

  const count = (name: keyof EntityValues, label: string) => (
    <FieldCol span={6} name={name} label={label} rules={[rule(name)]}>
      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
    </FieldCol>
  );

  return (
    <FormDrawer
      size={780}
      title={entity ? t('ledger.entity.edit', { name: entity.name }) : t('ledger.entity.create')}
      busy={save.busy}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <ErrorAlert error={save.error} />
      <DuplicateNotice kind="entities" id={existing} />
      <Form<EntityValues>
        form={form}
        layout="vertical"
        name="entity-form"
        initialValues={entityInitial(entity, current)}
        onFinish={(v) => void save.run(v)}
      >
        <Row gutter={16}>
          <FieldCol span={14} name="name" label={t('le.name')} rules={[required, rule('name')]}>
            <Input maxLength={100} autoComplete="off" />
          </FieldCol>
          <FieldCol
            span={10}
            name="creditCode"
            label={t('le.creditCode')}
            validateFirst
            rules={[required, rule('creditCode'), checksumRule]}
          >
            <Input maxLength={20} autoComplete="off" style={{ textTransform: 'uppercase' }} />
          </FieldCol>
          <FieldCol
            span={6}
            name="pilotCode"
            label={t('le.pilotCode')}
            valuePropName="checked"
            tooltip={t('ledger.entity.pilotCodeHint')}
          >
            <Switch />
          </FieldCol>
          {pilot && (
            <FieldCol
              span={18}
              name="pilotCodeReason"
              label={t('le.pilotCodeReason')}
              rules={[{ required: true, message: issueText('PILOT_CODE_REASON_REQUIRED') }]}
            >
              <Input maxLength={200} placeholder={t('ledger.entity.pilotCodeReasonPlaceholder')} />
            </FieldCol>
          )}
          <FieldCol span={8} name="type" label={t('le.type')} rules={[choose]}>
            <Select options={options('entityType')} />
          </FieldCol>
          <FieldCol
            span={16}
            name="industryCode"
            label={t('le.industryCode')}
            rules={[choose, rule('industryCode')]}
          >
            <TreeSelect
              treeData={industries}
              showSearch={{ treeNodeFilterProp: 'search' }}
              placeholder={t('ledger.entity.industryPlaceholder')}
            />
          </FieldCol>
          <FieldCol span={12} name="regionCode" label={t('le.regionCode')} rules={[choose]}>
            <RegionCascader roots={roots} />
          </FieldCol>
          <FieldCol span={12} name="foundedOn" label={t('le.foundedOn')} rules={[choose]}>
            <PastDatePicker />
          </FieldCol>
          <FieldCol span={12} name="parkOrgId" label={t('le.parkOrgId')}>
            <ParkSelect />
          </FieldCol>
          <FieldCol span={12} name="parkUnit" label={t('le.parkUnit')} rules={[rule('parkUnit')]}>
            <Input maxLength={50} placeholder={t('ledger.entity.parkUnitPlaceholder')} />
          </FieldCol>
          {count('employees', t('le.employees'))}
          {count('jobsCreated', t('le.jobsCreated'))}
          {count('jobsPoverty', t('le.jobsPoverty'))}
          <FieldCol
            span={6}
            name="registeredCapitalWan"
            label={t('le.registeredCapitalWan')}
            rules={[rule('registeredCapitalWan')]}
          >
            <InputNumber min={0} style={{ width: '100%' }} />
          </FieldCol>
          <FieldCol
            span={8}
            name="annualRevenueWan"
            label={t('le.annualRevenueWan')}
            rules={[rule('annualRevenueWan')]}
            extra={t('ledger.entity.aboveScaleHint', { wan: ABOVE_SCALE_REVENUE_WAN })}
          >
            <InputNumber min={0} style={{ width: '100%' }} />
          </FieldCol>
          <FieldCol span={8} name="isWorkshop" label={t('le.isWorkshop')} valuePropName="checked">
            <Switch />
          </FieldCol>
          <FieldCol span={8} name="isEcommerce" label={t('le.isEcommerce')} valuePropName="checked">
            <Switch />
          </FieldCol>
          <FieldCol span={24} name="products" label={t('le.products')} rules={[rule('products')]}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </FieldCol>
          {!entity && (
            <FieldCol
              span={24}
              name="founder"
              label={t('ledger.entity.founder')}
              extra={t('ledger.entity.founderHint')}
            >
              <RecordSelect kind="person" />
            </FieldCol>
          )}
        </Row>
      </Form>
    </FormDrawer>
  );
}
