import { DatePicker, Form, Select } from 'antd';
import type { CatalogEntry } from '../../../../domain/ledger/catalog';
import { ENTITY_TYPES } from '../../../../domain/ledger/entity-types';
import { INDUSTRY_SECTIONS } from '../../../../domain/ledger/industries';
import {
  EDUCATION_LEVELS,
  PERSON_CATEGORIES,
  PERSON_STATUSES,
} from '../../../../domain/ledger/person-categories';
import { useI18n } from '../../i18n/i18n';
import type { LedgerKind } from './types';

const WIDE = { width: 360 };

/** The filters of one ledger list, as the export API takes them. */
export function ExportFilters({ kind }: { kind: LedgerKind }) {
  const { t, locale } = useI18n();
  const options = (entries: readonly Pick<CatalogEntry, 'code' | 'zh' | 'en'>[]) =>
    entries.map((e) => ({ value: e.code, label: locale === 'en' ? e.en : e.zh }));
  const multi = (name: string, label: string, entries: readonly CatalogEntry[]) => (
    <Form.Item name={name} label={label}>
      <Select
        mode="multiple"
        allowClear
        style={WIDE}
        placeholder={t('common.all')}
        options={options(entries)}
        optionFilterProp="label"
      />
    </Form.Item>
  );
  const flag = (name: string, label: string) => (
    <Form.Item name={name} label={label} initialValue="">
      <Select
        style={{ width: 160 }}
        options={[
          { value: '', label: t('common.all') },
          { value: 'true', label: t('io.export.yes') },
          { value: 'false', label: t('io.export.no') },
        ]}
      />
    </Form.Item>
  );

  if (kind === 'people') {
    return (
      <>
        {multi('category', t('io.export.category'), PERSON_CATEGORIES)}
        {multi('status', t('io.export.status'), PERSON_STATUSES)}
        {multi('education', t('io.export.education'), EDUCATION_LEVELS)}
        <Form.Item name="returned" label={t('io.export.returned')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} style={WIDE} />
        </Form.Item>
      </>
    );
  }
  return (
    <>
      {multi('type', t('io.export.type'), ENTITY_TYPES)}
      <Form.Item name="industry" label={t('io.export.industry')}>
        <Select
          allowClear
          showSearch
          style={WIDE}
          placeholder={t('common.all')}
          optionFilterProp="label"
          options={INDUSTRY_SECTIONS.map((s) => ({
            value: s.code,
            label: `${s.code} ${locale === 'en' ? s.en : s.zh}`,
          }))}
        />
      </Form.Item>
      {flag('isWorkshop', t('io.export.workshop'))}
      {flag('aboveScale', t('io.export.aboveScale'))}
      {flag('isEcommerce', t('io.export.ecommerce'))}
      <Form.Item name="founded" label={t('io.export.founded')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={WIDE} />
      </Form.Item>
    </>
  );
}
