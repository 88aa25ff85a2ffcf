import { Button, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { formatTime } from '../../components/format';
import { OrgName } from '../../components/OrgName';
import { RegionName } from '../../components/RegionName';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { ledgerZhCN } from '../../i18n/ledger.zh-CN';
import { type RecordKind, useFieldLabel } from './fieldLabels';
import { type CatalogKey, useCodeName, useIndustryName } from './names';
import { CityName } from './cities';
import { provinceName } from './provinces';
import type { HistoryEntry, HistoryList } from './types';

const PAGE_SIZE = 20;
const ACTION_COLOR: Record<string, string> = {
  create: 'green',
  import: 'green',
  update: 'blue',
  merge_in: 'red',
  merged_away: 'red',
  link: 'blue',
  unlink: 'gray',
  consent: 'green',
  consent_withdraw: 'gray',
};
const CODE_FIELDS: Record<string, CatalogKey> = {
  status: 'status',
  categories: 'category',
  education: 'education',
  sex: 'sex',
  type: 'entityType',
  role: 'role',
};
const REGION_FIELDS = new Set([
  'ledgerRegionCode',
  'hukouRegionCode',
  'currentRegionCode',
  'regionCode',
]);

/** A stored scalar as text (objects as JSON, never `[object Object]`). */
function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? String(v)
    : JSON.stringify(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One value of a change as officials read it: names instead of codes, 空 for nothing. */
function useValueText() {
  const { t, locale } = useI18n();
  const codeName = useCodeName();
  const industry = useIndustryName();
  const show = (field: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '')
      return <Typography.Text type="secondary">{t('ledger.history.empty')}</Typography.Text>;
    if (typeof v === 'boolean') return v ? t('ledger.yes') : t('ledger.no');
    const list = CODE_FIELDS[field];
    if (list && Array.isArray(v)) return v.map((c) => codeName(list, text(c))).join('、');
    if (list) return codeName(list, text(v));
    if (REGION_FIELDS.has(field) && typeof v === 'string') return <RegionName code={v} />;
    if (field === 'industryCode') return industry(text(v));
    if (field === 'parkOrgId' && typeof v === 'string')
      return <OrgName id={v} fallback={t('ledger.history.park')} />;
    if (field === 'awayProvinceCode') return provinceName(text(v), locale === 'en');
    if (field === 'awayCityCode' && typeof v === 'string') return <CityName code={v} />;
    if (field === 'entities' && isRecord(v)) {
      return (
        <>
          <Link to={`/ledger/entities/${text(v.entityId)}`}>
            {typeof v.entityName === 'string' ? v.entityName : t('ledger.history.entity')}
          </Link>
          {v.role ? `（${codeName('role', text(v.role))}）` : ''}
        </>
      );
    }
    if (field === 'links' && Array.isArray(v))
      return t('ledger.history.linkCount', { count: v.length });
    if (field === 'links' && isRecord(v)) {
      return (
        <>
          <Link to={`/ledger/people/${text(v.personId)}`}>{t('ledger.history.person')}</Link>
          {v.role ? `（${codeName('role', text(v.role))}）` : ''}
        </>
      );
    }
    if (field === 'consents' && isRecord(v)) {
      return `${codeName('purpose', text(v.purpose))} → ${text(v.grantedTo)}`;
    }
    if (Array.isArray(v)) return v.map(text).join('、');
    if (isRecord(v)) return JSON.stringify(v);
    return text(v);
  };
  return show;
}

function EntryBody({ kind, entry }: { kind: RecordKind; entry: HistoryEntry }) {
  const { t, locale } = useI18n();
  const label = useFieldLabel();
  const value = useValueText();
  const created =
    entry.action === 'create' ||
    (entry.action === 'import' && entry.changes.every((c) => c.from === null));
  const changes = created
    ? entry.changes.filter(
        (c) => c.to !== null && c.to !== '' && !(Array.isArray(c.to) && c.to.length === 0),
      )
    : entry.changes;
  const actionKey = `ledger.action.${entry.action}`;
  return (
    <div className="fx-history-entry">
      <div>
        <Tag color={ACTION_COLOR[entry.action] ?? 'default'}>
          {Object.hasOwn(ledgerZhCN, actionKey) ? t(actionKey as MessageKey) : entry.action}
        </Tag>
        <Typography.Text type="secondary">
          {locale === 'en' ? entry.actor.labelEn : entry.actor.label}
          {typeof entry.context.row === 'number' &&
            ` · ${t('ledger.history.importRow', { row: entry.context.row })}`}
        </Typography.Text>
      </div>
      {changes.length > 0 && (
        <ul className="fx-changes">
          {changes.map((c, i) => (
            <li key={`${c.field}-${i}`}>
              <span className="fx-change-field">{label(kind, c.field)}</span>
              {created ? (
                <span>{value(c.field, c.to)}</span>
              ) : (
                <span>
                  {value(c.field, c.from)} <span className="fx-change-arrow">→</span>{' '}
                  {value(c.field, c.to)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** 变更记录: who changed which field from what to what, newest first, with “load more”. */
export function HistoryTimeline({
  kind,
  id,
  refresh,
}: {
  kind: RecordKind;
  id: string;
  refresh: number;
}) {
  const { t } = useI18n();
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const base = kind === 'person' ? '/api/people' : '/api/entities';

  useEffect(() => {
    setPage(1);
  }, [id, refresh]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api<HistoryList>(`${base}/${id}/history`, { query: { page, pageSize: PAGE_SIZE } }).then(
      (res) => {
        if (!live) return;
        setEntries((prev) => (page === 1 ? res.items : [...prev, ...res.items]));
        setTotal(res.total);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [base, id, page, refresh]);

  if (error) return <ErrorAlert error={error} />;
  if (loading && entries.length === 0) return <Skeleton active />;
  if (entries.length === 0) return <Empty description={t('ledger.history.none')} />;
  return (
    <div data-testid="history">
      <Timeline
        items={entries.map((e) => ({
          key: e.id,
          color: ACTION_COLOR[e.action] ?? 'gray',
          content: (
            <>
              <div className="fx-history-time">{formatTime(e.at, true)}</div>
              <EntryBody kind={kind} entry={e} />
            </>
          ),
        }))}
      />
      {entries.length < total && (
        <Button block loading={loading} onClick={() => setPage((p) => p + 1)}>
          {t('ledger.history.more', { shown: entries.length, total })}
        </Button>
      )}
    </div>
  );
}
