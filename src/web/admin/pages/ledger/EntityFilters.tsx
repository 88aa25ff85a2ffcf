import { Space, TreeSelect } from 'antd';
import { useT } from '../../i18n/i18n';
import {
  CodesFilter,
  DateRangeFilter,
  FlagFilter,
  type ListParams,
  RegionFilter,
  SearchFilter,
} from './ListFilters';
import { useIndustryTree } from './names';
import { ParkSelect } from './ParkSelect';

/** The entity list's filters: search, region, type, industry, 规上, workshop, e-commerce, park, dates. */
export function EntityFilters({ list }: { list: ListParams }) {
  const t = useT();
  const industries = useIndustryTree();
  const { get, set } = list;
  return (
    <Space wrap className="fx-filters" size={[8, 8]}>
      <SearchFilter
        list={list}
        placeholder={t('ledger.entity.searchPlaceholder')}
        testId="entities-search"
      />
      <RegionFilter list={list} />
      <CodesFilter
        list={list}
        name="type"
        codes="entityType"
        placeholder={t('le.type')}
        width={190}
      />
      <TreeSelect
        allowClear
        style={{ width: 220 }}
        placeholder={t('le.industryCode')}
        treeData={industries}
        showSearch={{ treeNodeFilterProp: 'search' }}
        value={get('industry')}
        onChange={(v: string | undefined) => set({ industry: v })}
        popupMatchSelectWidth={360}
      />
      <FlagFilter list={list} name="aboveScale" label={t('le.aboveScale')} />
      <FlagFilter list={list} name="isWorkshop" label={t('ledger.entity.workshop')} />
      <FlagFilter list={list} name="isEcommerce" label={t('ledger.entity.ecommerce')} />
      <ParkSelect
        style={{ width: 200 }}
        value={get('parkOrgId')}
        onChange={(v) => set({ parkOrgId: v })}
      />
      <DateRangeFilter
        list={list}
        from="foundedFrom"
        to="foundedTo"
        placeholder={[t('ledger.filter.foundedFrom'), t('ledger.filter.foundedTo')]}
      />
    </Space>
  );
}
