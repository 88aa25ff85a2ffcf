import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../../i18n/i18n';
import { sortPatch, type useListParams } from './useListParams';

interface Props<T> {
  testId: string;
  list: ReturnType<typeof useListParams>;
  columns: ColumnsType<T>;
  items: T[] | undefined;
  total: number | undefined;
  loading: boolean;
  emptyText: string;
}

/**
 * The ledger lists' table: server-side sorting and paging kept in the address bar, horizontal
 * scroll as wide as the shown columns.
 *
 * @example
 * <LedgerTable testId="people-table" list={list} columns={columns} items={data?.items} … />
 */
export function LedgerTable<T extends { id: string }>(props: Props<T>) {
  const t = useT();
  const { list, columns } = props;
  return (
    <div data-testid={props.testId}>
      <Table<T>
        rowKey="id"
        size="small"
        loading={props.loading}
        dataSource={props.items ?? []}
        columns={columns}
        scroll={{ x: columns.reduce((n, c) => n + (Number(c.width) || 140), 0) }}
        locale={{ emptyText: props.emptyText }}
        onChange={(_p, _f, sorter, extra) => extra.action === 'sort' && list.set(sortPatch(sorter))}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: props.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => list.set({ page: String(p), pageSize: String(s) }),
        }}
      />
    </div>
  );
}
