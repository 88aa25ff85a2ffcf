import { Space } from 'antd';
import { useT } from '../../i18n/i18n';
import {
  CodesFilter,
  DateRangeFilter,
  type ListParams,
  RegionFilter,
  SearchFilter,
} from './ListFilters';

/** The people list's filters: search, region subtree, category, status, education, return dates. */
export function PeopleFilters({ list }: { list: ListParams }) {
  const t = useT();
  return (
    <Space wrap className="fx-filters" size={[8, 8]}>
      <SearchFilter
        list={list}
        placeholder={t('ledger.person.searchPlaceholder')}
        testId="people-search"
      />
      <RegionFilter list={list} id="people-region" />
      <CodesFilter
        list={list}
        name="category"
        codes="category"
        placeholder={t('lp.categories')}
        width={200}
      />
      <CodesFilter
        list={list}
        name="status"
        codes="status"
        placeholder={t('lp.status')}
        width={180}
        id="people-status"
      />
      <CodesFilter
        list={list}
        name="education"
        codes="education"
        placeholder={t('lp.education')}
        width={170}
      />
      <DateRangeFilter
        list={list}
        from="returnedFrom"
        to="returnedTo"
        placeholder={[t('ledger.filter.returnedFrom'), t('ledger.filter.returnedTo')]}
      />
    </Space>
  );
}
