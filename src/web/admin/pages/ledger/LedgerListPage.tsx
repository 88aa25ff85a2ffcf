import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ComponentType, type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, withQuery } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { PageHead } from '../../components/PageHead';
import { useRequest } from '../../components/useRequest';
import { useT } from '../../i18n/i18n';
import { useRegionScope } from '../../layout/RegionScope';
import { useSession } from '../../session/SessionProvider';
import { useDownload } from '../ledger-io/download';
import { ColumnSettings, useHiddenColumns } from './ColumnSettings';
import { LedgerTable, type ListTotal } from './LedgerTable';
import { sortOrderOf, useListParams } from './useListParams';
import './ledger.css';

/**
 * A ledger list's query: the filters named in `filters` read from the address, the region scope
 * of the header when no region is chosen, sort and page; plus what the columns need to show it.
 *
 * @example
 * const ledger = useLedgerList<PersonList>('/api/people', ['q', 'region', 'status']);
 * const columns = [{ title: t('lp.name'), key: 'name', ...ledger.sorted('name') }];
 */
export function useLedgerList<L>(path: string, filters: readonly string[]) {
  const { current } = useRegionScope();
  const list = useListParams();
  const { get, page, pageSize, params } = list;
  const sort = get('sort');
  const order = get('order');
  const query = {
    ...Object.fromEntries(filters.map((k) => [k, get(k)])),
    region: get('region') ?? current?.code,
    sort,
    order,
  };
  const request = useRequest(
    () => api<L>(path, { query: { ...query, page, pageSize, after: get('after') } }),
    [params.toString(), current?.code],
  );
  return {
    list,
    request,
    /** The export of exactly this list: its filters, region, sort and order (not its page). */
    exportUrl: withQuery(path.replace(/^\/api\//, '/api/ledger/exports/') + '.xlsx', query),
    /** The label of the region the list is within, to shorten region names below it. */
    scopeLabel: get('regionLabel') ?? current?.label,
    /** True when any filter is set (the empty text then says so). */
    filtered: filters.some((k) => get(k)),
    /** A column's server-side sorting, shown as the address says. */
    sorted: (key: string) => ({ sorter: true, sortOrder: sortOrderOf(key, sort, order) }),
  };
}

/** Columns always shown, whatever the column settings say. */
const FIXED = new Set(['name', 'actions']);

/**
 * The shell of a ledger list page: title with column settings, the export of exactly the list
 * shown (its filters and sort, masked) and the create button, filters,
 * the region the list is within, the table, and the create form that opens the new record.
 *
 * @example
 * <LedgerListPage ledger={ledger} columns={all} title={t('ledger.person.title')} Form={PersonForm} … />
 */
export function LedgerListPage<T extends { id: string }>(props: {
  ledger: ReturnType<typeof useLedgerList<{ items: T[]; total: ListTotal; next: string | null }>>;
  /** What the list counts: 人 or 个市场主体. */
  unit: 'person' | 'entity';
  /** Every column, hidden ones included (the settings list them all). */
  columns: ColumnsType<T>;
  title: string;
  createLabel: string;
  canCreate: boolean;
  columnsStorageKey: string;
  defaultHidden: string[];
  filters: ReactNode;
  testId: string;
  emptyText: string;
  /** What the search box understands, said when a search finds nothing. */
  searchHelp?: string;
  /** Where a record's detail page is (`/ledger/people`); a new record is opened there. */
  detailPath: string;
  Form: ComponentType<{ onClose: () => void; onSaved: (saved: { id: string }) => void }>;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { current } = useRegionScope();
  const { can } = useSession();
  const download = useDownload();
  const { ledger, columns: all, defaultHidden, Form } = props;
  const total = ledger.request.data?.total;
  const { list, request } = ledger;
  const [creating, setCreating] = useState(false);
  const [hidden, setHidden] = useHiddenColumns(props.columnsStorageKey, defaultHidden);
  const columns = all.filter((c) => !hidden.has(String(c.key)));
  const emptyText = (q: string | undefined) =>
    q && props.searchHelp
      ? t('ledger.emptySearch', { q, help: props.searchHelp })
      : ledger.filtered
        ? t('ledger.emptyFiltered')
        : props.emptyText;

  return (
    <>
      <PageHead
        title={props.title}
        extra={
          <Space>
            <ColumnSettings
              columns={all.map((c) => ({
                key: String(c.key),
                title: typeof c.title === 'string' ? c.title : String(c.key),
                fixed: FIXED.has(String(c.key)),
              }))}
              hidden={hidden}
              onChange={setHidden}
              defaultHidden={defaultHidden}
            />
            {can('ledger.export') && (
              <Tooltip title={t('ledger.exportHint')}>
                <Button
                  icon={<DownloadOutlined />}
                  disabled={!total?.value}
                  data-testid="list-export"
                  onClick={() => download(ledger.exportUrl)}
                >
                  {total?.exact && total.value
                    ? t('ledger.exportCount', { count: total.value.toLocaleString('en-US') })
                    : t('ledger.export')}
                </Button>
              </Tooltip>
            )}
            {props.canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {props.createLabel}
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small">
        {props.filters}
        {!list.get('region') && current && (
          <Typography.Paragraph type="secondary" style={{ margin: '-8px 0 8px' }}>
            {t('common.withinRegion', { region: current.label })}
          </Typography.Paragraph>
        )}
        <ErrorAlert error={request.error} />
        <LedgerTable<T>
          testId={props.testId}
          list={list}
          columns={columns}
          items={request.data?.items}
          total={request.data?.total}
          next={request.data?.next}
          unit={props.unit}
          loading={request.loading}
          emptyText={emptyText(list.get('q'))}
        />
      </Card>
      {creating && (
        <Form
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            void navigate(`${props.detailPath}/${saved.id}`);
          }}
        />
      )}
    </>
  );
}
