import { DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { RegionCascader } from '../../components/RegionCascader';
import { useT } from '../../i18n/i18n';
import { useRegionScope } from '../../layout/RegionScope';
import { useCodeOptions } from './names';
import type { useListParams } from './useListParams';

type ListParams = ReturnType<typeof useListParams>;

/** The people list's filters: search, region subtree, category, status, education, return dates. */
export function PeopleFilters({ list }: { list: ListParams }) {
  const t = useT();
  const options = useCodeOptions();
  const { roots } = useRegionScope();
  const { get, getAll, set } = list;
  const from = get('returnedFrom');
  const to = get('returnedTo');
  const region = get('region');
  return (
    <Space wrap className="fx-filters" size={[8, 8]}>
      <Input.Search
        key={get('q') ?? ''}
        defaultValue={get('q')}
        placeholder={t('ledger.person.searchPlaceholder')}
        allowClear
        style={{ width: 300 }}
        onSearch={(v) => set({ q: v.trim() })}
        data-testid="people-search"
      />
      <RegionCascader
        id="people-region"
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
        style={{ width: 200 }}
        placeholder={t('lp.categories')}
        options={options('category')}
        value={getAll('category')}
        onChange={(v: string[]) => set({ category: v })}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ width: 180 }}
        placeholder={t('lp.status')}
        options={options('status')}
        value={getAll('status')}
        onChange={(v: string[]) => set({ status: v })}
        id="people-status"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ width: 170 }}
        placeholder={t('lp.education')}
        options={options('education')}
        value={getAll('education')}
        onChange={(v: string[]) => set({ education: v })}
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        style={{ width: 250 }}
        placeholder={[t('ledger.filter.returnedFrom'), t('ledger.filter.returnedTo')]}
        value={from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null}
        onChange={(range) =>
          set({
            returnedFrom: range?.[0]?.format('YYYY-MM-DD'),
            returnedTo: range?.[1]?.format('YYYY-MM-DD'),
          })
        }
      />
    </Space>
  );
}
