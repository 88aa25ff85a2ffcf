import { DatePicker, Input, Select, Space, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { RegionCascader } from '../../components/RegionCascader';
import { useT } from '../../i18n/i18n';
import { useRegionScope } from '../../layout/RegionScope';
import { useCodeOptions, useIndustryTree } from './names';
import { ParkSelect } from './ParkSelect';
import type { useListParams } from './useListParams';

type ListParams = ReturnType<typeof useListParams>;

/** A yes / no / either filter over a flag of the API (`aboveScale=true`). */
function FlagSelect({ list, name, label }: { list: ListParams; name: string; label: string }) {
  const t = useT();
  return (
    <Select
      allowClear
      style={{ width: 130 }}
      placeholder={label}
      value={list.get(name)}
      onChange={(v: string | undefined) => list.set({ [name]: v })}
      options={[
        { value: 'true', label: `${label}：${t('ledger.yes')}` },
        { value: 'false', label: `${label}：${t('ledger.no')}` },
      ]}
    />
  );
}

/** The entity list's filters: search, region, type, industry, 规上, workshop, e-commerce, park, dates. */
export function EntityFilters({ list }: { list: ListParams }) {
  const t = useT();
  const options = useCodeOptions();
  const industries = useIndustryTree();
  const { roots } = useRegionScope();
  const { get, getAll, set } = list;
  const from = get('foundedFrom');
  const to = get('foundedTo');
  const region = get('region');
  return (
    <Space wrap className="fx-filters" size={[8, 8]}>
      <Input.Search
        key={get('q') ?? ''}
        defaultValue={get('q')}
        placeholder={t('ledger.entity.searchPlaceholder')}
        allowClear
        style={{ width: 300 }}
        onSearch={(v) => set({ q: v.trim() })}
        data-testid="entities-search"
      />
      <RegionCascader
        roots={roots}
        allowClear
        style={{ width: 240 }}
        placeholder={t('ledger.filter.region')}
        value={region ? { code: region, label: get('regionLabel') ?? region } : null}
        onChange={(c) => set({ region: c?.code, regionLabel: c?.label })}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ width: 190 }}
        placeholder={t('le.type')}
        options={options('entityType')}
        value={getAll('type')}
        onChange={(v: string[]) => set({ type: v })}
      />
      <TreeSelect
        allowClear
        style={{ width: 220 }}
        placeholder={t('le.industryCode')}
        treeData={industries}
        showSearch={{ treeNodeFilterProp: 'title' }}
        value={get('industry')}
        onChange={(v: string | undefined) => set({ industry: v })}
        popupMatchSelectWidth={360}
      />
      <FlagSelect list={list} name="aboveScale" label={t('le.aboveScale')} />
      <FlagSelect list={list} name="isWorkshop" label={t('ledger.entity.workshop')} />
      <FlagSelect list={list} name="isEcommerce" label={t('ledger.entity.ecommerce')} />
      <ParkSelect
        style={{ width: 200 }}
        value={get('parkOrgId')}
        onChange={(v) => set({ parkOrgId: v })}
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        style={{ width: 250 }}
        placeholder={[t('ledger.filter.foundedFrom'), t('ledger.filter.foundedTo')]}
        value={from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null}
        onChange={(range) =>
          set({
            foundedFrom: range?.[0]?.format('YYYY-MM-DD'),
            foundedTo: range?.[1]?.format('YYYY-MM-DD'),
          })
        }
      />
    </Space>
  );
}
