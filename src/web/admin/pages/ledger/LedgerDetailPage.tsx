import { EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Row, Space } from 'antd';
import type { DescriptionsItemType } from 'antd/es/descriptions';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { formatTime } from '../../components/format';
import { PageHead } from '../../components/PageHead';
import { type RequestState, useRequest } from '../../components/useRequest';
import { type MessageKey, type Translate, useT } from '../../i18n/i18n';
import { HistoryTimeline } from './HistoryTimeline';
import { type Detail, type Kind, MergeModal } from './MergeModal';
import { RecordState } from './RecordState';
import './ledger.css';

interface LedgerRecord {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * A ledger record of a detail page: loaded from `path/id`, replaced by what a save answers (and
 * the history reloaded), with the one dialog open over it.
 *
 * @example
 * const page = useLedgerRecord<PersonDetail, 'edit' | 'merge'>('/api/people', id);
 * page.saved(updated, 'ledger.saved'); // closes the dialog, shows the record, says so
 */
export function useLedgerRecord<D extends { id: string }, Dialog extends string>(
  path: string,
  id: string,
) {
  const t = useT();
  const { message } = App.useApp();
  const request = useRequest(() => api<D>(`${path}/${id}`), [id]);
  const [override, setOverride] = useState<D | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [refresh, setRefresh] = useState(0);
  const loaded = override?.id === id ? override : request.data;
  const changed = (d: D) => {
    setOverride(d);
    setRefresh((n) => n + 1);
  };
  return {
    request,
    /** The record of this id, once loaded. */
    record: loaded?.id === id ? loaded : undefined,
    /** Bumped on every change, so the history timeline reloads. */
    refresh,
    changed,
    dialog,
    open: (d: Dialog) => setDialog(d),
    close: () => setDialog(null),
    /** A dialog saved: close it, show the record it answered and, given a message, say so. */
    saved: (d: D, note?: MessageKey) => {
      setDialog(null);
      changed(d);
      if (note) void message.success(t(note));
    },
  };
}

/** A detail page without its record: loading, not found, merged away, or failed. */
export function MissingRecord({
  title,
  request,
  listPath,
}: {
  title: string;
  request: RequestState<unknown>;
  listPath: string;
}) {
  return (
    <>
      <PageHead title={title} />
      <RecordState
        loading={request.loading}
        error={request.error}
        listPath={listPath}
        onRetry={request.reload}
      />
    </>
  );
}

/**
 * The frame of a ledger detail page: title, back to the list, merge and edit for writers (after
 * `actions`), the record's cards on the left and its change history on the right. The merge
 * dialog is the frame's own; the page's other dialogs come in `dialogs`.
 */
export function LedgerDetailFrame<K extends Kind>({
  kind,
  record,
  page,
  title,
  listPath,
  actions,
  canWrite,
  children,
  dialogs,
}: {
  kind: K;
  record: Detail<K>;
  page: {
    dialog: string | null;
    open: (dialog: 'merge' | 'edit') => void;
    close: () => void;
    saved: (record: Detail<K>, note?: MessageKey) => void;
    refresh: number;
  };
  title: ReactNode;
  listPath: string;
  actions?: ReactNode;
  canWrite: boolean;
  children: ReactNode;
  dialogs: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <PageHead
        title={title}
        extra={
          <Space>
            <Link to={listPath}>
              <Button>{t('ledger.backToList')}</Button>
            </Link>
            {actions}
            {canWrite && (
              <Button icon={<MergeCellsOutlined />} onClick={() => page.open('merge')}>
                {t('ledger.merge.button')}
              </Button>
            )}
            {canWrite && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => page.open('edit')}>
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          {children}
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('ledger.history')}>
            <HistoryTimeline kind={kind} id={record.id} refresh={page.refresh} />
          </Card>
        </Col>
      </Row>
      {dialogs}
      {page.dialog === 'merge' && (
        <MergeModal
          kind={kind}
          survivor={record}
          onClose={page.close}
          onMerged={(d) => page.saved(d, 'ledger.merge.done')}
        />
      )}
    </>
  );
}

/** The 基本信息 card of a detail page: the record's fields, two to a row. */
export function RecordInfoCard({
  testId,
  items,
}: {
  testId: string;
  items: DescriptionsItemType[];
}) {
  const t = useT();
  return (
    <Card size="small" title={t('ledger.basicInfo')} style={{ marginBottom: 16 }}>
      <div data-testid={testId}>
        <Descriptions
          size="small"
          bordered
          column={2}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={items}
        />
      </div>
    </Card>
  );
}

/**
 * The last two fields of every record's card: when it was created, and when it was last changed
 * with its version.
 *
 * @example
 * <RecordInfoCard testId="person-info" items={[...fields, ...recordTimes(t, person)]} />
 */
export function recordTimes(t: Translate, record: LedgerRecord): DescriptionsItemType[] {
  return [
    { key: 'createdAt', label: t('ledger.createdAt'), children: formatTime(record.createdAt) },
    {
      key: 'updatedAt',
      label: t('ledger.updatedAt'),
      children: (
        <>
          {formatTime(record.updatedAt)}（{t('ledger.version', { version: record.version })}）
        </>
      ),
    },
  ];
}
