import { Alert, Form, Input, InputNumber, Row, Select } from 'antd';
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
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n/i18n';
import { useRegionScope } from '../../layout/RegionScope';
import { CitySelect } from './cities';
import { FieldCol, PastDatePicker } from './FieldCol';
import { DuplicateNotice, duplicateOf } from './DuplicateNotice';
import { FormDrawer } from './FormDrawer';
import { useCodeName, useCodeOptions, useIssueText } from './names';
import { PROVINCES } from './provinces';
import { personBody, PERSON_FIELDS, personInitial, type PersonValues } from './personFormValues';
import type { PersonDetail } from './types';
import { fieldRule, showIssues, showServerErrors } from './validation';

/** Server refusals and the field each belongs to. */
const FIELD_OF_CODE = { PERSON_DUPLICATE: 'idNumber', SCOPE_OUTSIDE_OWN: 'ledgerRegionCode' };

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
  const awayProvince = Form.useWatch('awayProvinceCode', form);
  const facts = idNumber ? derivePersonFromId(idNumber) : null;
  const rule = (field: string) => fieldRule(PersonUpdate, field, issueText);
  const required = { required: true, message: t('ledger.required') };
  const choose = [{ required: true, message: t('ledger.requiredChoose') }];
  // The ID number and the mobile are shown masked: needed to create, left blank to keep on edit.
  const maskedRules = (field: string) => (person ? [rule(field)] : [required, rule(field)]);
  const kept = (masked: string | null | undefined) =>
    masked ? t('ledger.person.keepMasked', { masked }) : undefined;
  const maskedInput = () => (
    <Input
      maxLength={20}
      autoComplete="off"
      placeholder={person ? t('ledger.keepBlank') : undefined}
    />
  );

  const statusOptions = options('status').filter(
    (o) =>
      !person ||
      o.value === person.status ||
      nextStatuses(person.status as PersonStatus).includes(o.value as PersonStatus),
  );

  const [existing, setExisting] = useState<string | null>(null);
  const save = useSubmit(
    async (v: PersonValues) => {
      setExisting(null);
      const body = personBody(v, person);
      const { ledgerRegionCode: _ledger, ...checked } = body;
      const local = person ? PersonUpdate.safeParse(checked) : PersonCreate.safeParse(checked);
      if (!local.success && showIssues(form, local.error.issues, PERSON_FIELDS, issueText)) return;
      onSaved(
        await api<PersonDetail>(person ? `/api/people/${person.id}` : '/api/people', {
          method: person ? 'PATCH' : 'POST',
          body,
        }),
      );
    },
    (err) => {
      setExisting(duplicateOf(err));
      return showServerErrors(form, err, PERSON_FIELDS, FIELD_OF_CODE);
    },
  );

  return (
    <FormDrawer
      size={760}
      title={person ? t('ledger.person.edit', { name: person.name }) : t('ledger.person.create')}
      busy={save.busy}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <ErrorAlert error={save.error} />
      <DuplicateNotice kind="people" id={existing} />
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
        onFinish={(v) => void save.run(v)}
        requiredMark
      >
        <Row gutter={16}>
          <FieldCol span={12} name="name" label={t('lp.name')} rules={[required, rule('name')]}>
            <Input maxLength={30} autoComplete="off" />
          </FieldCol>
          <FieldCol
            span={12}
            name="idNumber"
            label={t('lp.idNumber')}
            validateFirst
            rules={maskedRules('idNumber')}
            extra={
              facts
                ? t('ledger.person.fromId', {
                    sex: codeName('sex', facts.sex),
                    birth: facts.birthDate,
                  })
                : kept(person?.idNumberMasked)
            }
          >
            {maskedInput()}
          </FieldCol>
          <FieldCol
            span={12}
            name="mobile"
            label={t('lp.mobile')}
            rules={maskedRules('mobile')}
            extra={kept(person?.mobileMasked)}
          >
            {maskedInput()}
          </FieldCol>
          <FieldCol
            span={12}
            name="categories"
            label={t('lp.categories')}
            rules={[{ required: true, message: issueText('CATEGORIES_EMPTY') }]}
          >
            <Select mode="multiple" options={options('category')} />
          </FieldCol>
          <FieldCol
            span={12}
            name="status"
            label={t('lp.status')}
            rules={choose}
            extra={person ? t('ledger.person.statusHint') : undefined}
          >
            <Select options={statusOptions} />
          </FieldCol>
          <FieldCol span={12} name="education" label={t('lp.education')} rules={choose}>
            <Select options={options('education')} />
          </FieldCol>
          <FieldCol span={12} name="hukouRegionCode" label={t('lp.hukouRegionCode')} rules={choose}>
            <RegionCascader roots={roots} />
          </FieldCol>
          <FieldCol
            span={12}
            name="currentRegionCode"
            label={t('lp.currentRegionCode')}
            rules={choose}
          >
            <RegionCascader roots={roots} />
          </FieldCol>
          <FieldCol
            span={24}
            name="ledgerRegionCode"
            label={t('lp.ledgerRegionCode')}
            extra={t('ledger.person.ledgerRegionHint')}
          >
            <RegionCascader roots={roots} allowClear />
          </FieldCol>
          <FieldCol span={8} name="awayProvinceCode" label={t('lp.awayProvinceCode')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={PROVINCES.map((p) => ({
                value: p.code,
                label: locale === 'en' ? p.en : p.zh,
              }))}
            />
          </FieldCol>
          <FieldCol
            span={8}
            name="awayCityCode"
            label={t('lp.awayCityCode')}
            rules={[rule('awayCityCode')]}
          >
            <CitySelect province={awayProvince} placeholder={t('ledger.person.cityHint')} />
          </FieldCol>
          <FieldCol
            span={8}
            name="monthsAway"
            label={t('lp.monthsAway')}
            rules={[rule('monthsAway')]}
          >
            <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} />
          </FieldCol>
          <FieldCol span={8} name="returnDate" label={t('lp.returnDate')}>
            <PastDatePicker />
          </FieldCol>
          <FieldCol span={16} name="skills" label={t('lp.skills')} rules={[rule('skills')]}>
            <Input maxLength={500} />
          </FieldCol>
        </Row>
      </Form>
    </FormDrawer>
  );
}
