import { Button, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../../i18n/i18n';
import { sortPatch, type useListParams } from './useListParams';

/** Pages a ledger list opens by number; further pages follow the server's `next` cursor. */
export const NUMBERED_PAGES = 50;

/** A ledger list's total: exact, or at least `value` ("10,000+"). */
export interface ListTotal {
  value: number;
  exact: boolean;
}

interface Props<T> {
  testId: string;
  list: ReturnType<typeof useListParams>;
  columns: ColumnsType<T>;
  items: T[] | undefined;
  total: ListTotal | undefined;
  /** The cursor of the page after this one, null on the last page. */
  next: string | null | undefined;
  /** What the list counts: 人 or 个市场主体. */
  unit: 'person' | 'entity';
  loading: boolean;
  emptyText: string;
}

/**
 * The ledger lists' table: server-side sorting and paging kept in the address bar, horizontal
 * scroll as wide as the shown columns. The first {@link NUMBERED_PAGES} pages open by number;
 * beyond them (or past an inexact "10,000+" total) 下一页 follows the cursor.
 *
 * @example
 * <LedgerTable testId="people-table" list={list} columns={columns} items={data?.items} … />
 */
export function LedgerTable<T extends { id: string }>(props: Props<T>) {
  const t = useT();
  const { list, columns, total } = props;
  const count = (total?.value ?? 0).toLocaleString('en-US');
  const totalText = total
    ? t(total.exact ? `ledger.total.${props.unit}` : `ledger.totalAtLeast.${props.unit}`, {
        total: count,
      })
    : '';
  const onCursor = list.get('after') !== undefined;
  const numbered = Math.min(total?.value ?? 0, NUMBERED_PAGES * list.pageSize);
  const lastNumbered = Math.max(1, Math.ceil(numbered / list.pageSize));
  const deep = !total?.exact || (total?.value ?? 0) > numbered;
  const showNext = Boolean(props.next) && (onCursor || list.page >= lastNumbered);
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
        pagination={
          onCursor
            ? false
            : {
                current: Math.min(list.page, lastNumbered),
                pageSize: list.pageSize,
                total: numbered,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100, 200],
                showTotal: () => <span data-testid="list-total">{totalText}</span>,
                onChange: (p, s) => list.set({ page: String(p), pageSize: String(s) }),
              }
        }
      />
      {(onCursor || (deep && list.page >= lastNumbered)) && (
        <Space wrap style={{ width: '100%', justifyContent: 'flex-end', marginTop: 8 }}>
          {onCursor && <span data-testid="list-total">{totalText}</span>}
          {onCursor && (
            <Typography.Text type="secondary">
              {t('ledger.cursorPage', { page: list.page })}
            </Typography.Text>
          )}
          {!onCursor && (
            <Typography.Text type="secondary">
              {t('ledger.deepPagesHint', { pages: NUMBERED_PAGES })}
            </Typography.Text>
          )}
          {onCursor && (
            <Button size="small" onClick={() => list.set({ page: null, after: null })}>
              {t('ledger.firstPage')}
            </Button>
          )}
          <Button
            size="small"
            type="primary"
            disabled={!showNext}
            data-testid="list-next"
            onClick={() => list.set({ page: String(list.page + 1), after: props.next ?? null })}
          >
            {t('ledger.nextPage')}
          </Button>
        </Space>
      )}
    </div>
  );
}
