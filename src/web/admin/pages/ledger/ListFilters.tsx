import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { RegionCascader } from '../../components/RegionCascader';
import { useT } from '../../i18n/i18n';
import { useRegionScope } from '../../layout/RegionScope';
import { type CatalogKey, useCodeOptions } from './names';
import type { useListParams } from './useListParams';

/** The filters of a ledger list, read from and written to the address (`?status=returned`). */
export type ListParams = ReturnType<typeof useListParams>;

/** The search box (`q`): searched on Enter, cleared with the list's other filters. */
export function SearchFilter({
  list,
  placeholder,
  testId,
}: {
  list: ListParams;
  placeholder: string;
  testId: string;
}) {
  const q = list.get('q');
  return (
    <Input.Search
      key={q ?? ''}
      defaultValue={q}
      placeholder={placeholder}
      allowClear
      style={{ width: 300 }}
      onSearch={(v) => list.set({ q: v.trim() })}
      data-testid={testId}
    />
  );
}

/** A region of the user's scope (`region`, with its label kept as `regionLabel`). */
export function RegionFilter({ list, id }: { list: ListParams; id?: string }) {
  const t = useT();
  const { roots } = useRegionScope();
  const region = list.get('region');
  return (
    <RegionCascader
      id={id}
      roots={roots}
      allowClear
      style={{ width: 240 }}
      placeholder={t('ledger.filter.region')}
      value={region ? { code: region, label: list.get('regionLabel') ?? region } : null}
      onChange={(c) => list.set({ region: c?.code, regionLabel: c?.label })}
    />
  );
}

/** Any of the codes of a catalog (`category=graduate,veteran`). */
export function CodesFilter({
  list,
  name,
  codes,
  placeholder,
  width,
  id,
}: {
  list: ListParams;
  name: string;
  codes: CatalogKey;
  placeholder: string;
  width: number;
  id?: string;
}) {
  const options = useCodeOptions();
  return (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      style={{ width }}
      placeholder={placeholder}
      options={options(codes)}
      value={list.getAll(name)}
      onChange={(v: string[]) => list.set({ [name]: v })}
      id={id}
    />
  );
}

/** A yes / no / either filter over a flag of the API (`aboveScale=true`). */
export function FlagFilter({
  list,
  name,
  label,
}: {
  list: ListParams;
  name: string;
  label: string;
}) {
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

/** A range of days, either end open (`returnedFrom=2024-01-01&returnedTo=…`). */
export function DateRangeFilter({
  list,
  from,
  to,
  placeholder,
}: {
  list: ListParams;
  from: string;
  to: string;
  placeholder: [string, string];
}) {
  const start = list.get(from);
  const end = list.get(to);
  return (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      style={{ width: 250 }}
      placeholder={placeholder}
      value={start || end ? [start ? dayjs(start) : null, end ? dayjs(end) : null] : null}
      onChange={(range) =>
        list.set({
          [from]: range?.[0]?.format('YYYY-MM-DD'),
          [to]: range?.[1]?.format('YYYY-MM-DD'),
        })
      }
    />
  );
}
