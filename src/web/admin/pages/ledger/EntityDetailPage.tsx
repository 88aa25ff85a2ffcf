import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api';
import { useNotifyError } from '../../components/errors';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { EntityForm } from './EntityForm';
import {
  LedgerDetailFrame,
  MissingRecord,
  RecordInfoCard,
  recordTimes,
  useLedgerRecord,
} from './LedgerDetailPage';
import { LinkPersonModal } from './LinkPersonModal';
import { useCodeName, useIndustryName, useIssueText } from './names';
import type { EntityDetail, EntityLink } from './types';

const wan = (v: number | null, unit: string) =>
  v === null ? '—' : `${v.toLocaleString('zh-CN')} ${unit}`;

/** 市场主体详情: the record, its linked people (link / unlink), and its change history. */
export function EntityDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { can } = useSession();
  const notifyError = useNotifyError();
  const codeName = useCodeName();
  const industry = useIndustryName();
  const issueText = useIssueText();
  const page = useLedgerRecord<EntityDetail, 'edit' | 'link' | 'merge'>('/api/entities', id);
  const { record: entity, changed } = page;

  if (!entity) {
    return (
      <MissingRecord
        title={t('ledger.entity.detail')}
        request={page.request}
        listPath="/ledger/entities"
      />
    );
  }
  const write = can('entity.write');
  const unlink = async (l: EntityLink) => {
    try {
      changed(
        await api<EntityDetail>(`/api/entities/${id}/links/${l.linkId}`, { method: 'DELETE' }),
      );
    } catch (err) {
      notifyError(err);
    }
  };
  const unit = t('ledger.wan');
  const yesNo = (v: boolean) => (v ? t('ledger.yes') : t('ledger.no'));

  return (
    <LedgerDetailFrame
      kind="entity"
      record={entity}
      page={page}
      title={
        <Space>
          {entity.name}
          <Tag>{codeName('entityType', entity.type)}</Tag>
          {entity.aboveScale && <Tag color="red">{t('le.aboveScale')}</Tag>}
          {entity.isWorkshop && <Tag color="blue">{t('ledger.entity.workshop')}</Tag>}
        </Space>
      }
      listPath="/ledger/entities"
      canWrite={write}
      dialogs={
        <>
          {page.dialog === 'edit' && (
            <EntityForm
              entity={entity}
              onClose={page.close}
              onSaved={(e) => page.saved(e, 'ledger.saved')}
            />
          )}
          {page.dialog === 'link' && (
            <LinkPersonModal entity={entity} onClose={page.close} onLinked={(e) => page.saved(e)} />
          )}
        </>
      }
    >
      <RecordInfoCard
        testId="entity-info"
        items={[
          { label: t('le.name'), span: 2, children: entity.name },
          {
            label: t('le.creditCode'),
            span: 2,
            children: (
              <Space>
                <span className="fx-mono">{entity.creditCode}</span>
                {!entity.creditCodeChecksumValid && (
                  <Tag icon={<WarningOutlined />} color="warning">
                    {issueText(entity.pilotCode ? 'CREDIT_CODE_PILOT' : 'CREDIT_CODE_CHECKSUM')}
                  </Tag>
                )}
              </Space>
            ),
          },
          ...(entity.pilotCode
            ? [
                {
                  label: t('le.pilotCode'),
                  span: 2,
                  children: (
                    <span data-testid="entity-pilot-code">
                      {t('ledger.yes')}：{entity.pilotCodeReason ?? '—'}
                    </span>
                  ),
                },
              ]
            : []),
          { label: t('le.type'), children: codeName('entityType', entity.type) },
          { label: t('le.industryCode'), children: industry(entity.industryCode) },
          { label: t('le.regionCode'), span: 2, children: entity.regionName },
          { label: t('le.parkOrgId'), children: entity.parkName ?? '—' },
          { label: t('le.parkUnit'), children: entity.parkUnit ?? '—' },
          { label: t('le.foundedOn'), children: entity.foundedOn ?? '—' },
          {
            label: t('le.registeredCapitalWan'),
            children: wan(entity.registeredCapitalWan, unit),
          },
          { label: t('le.employees'), children: entity.employees },
          { label: t('le.annualRevenueWan'), children: wan(entity.annualRevenueWan, unit) },
          { label: t('le.jobsCreated'), children: entity.jobsCreated },
          { label: t('le.jobsPoverty'), children: entity.jobsPoverty },
          { label: t('le.isWorkshop'), children: yesNo(entity.isWorkshop) },
          { label: t('le.isEcommerce'), children: yesNo(entity.isEcommerce) },
          { label: t('le.products'), span: 2, children: entity.products || '—' },
          ...recordTimes(t, entity),
        ]}
      />
      <Card
        size="small"
        title={t('ledger.entity.people')}
        extra={
          write && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => page.open('link')}>
              {t('ledger.link.add')}
            </Button>
          )
        }
      >
        <Table<EntityLink>
          rowKey="linkId"
          size="small"
          pagination={false}
          dataSource={entity.links}
          locale={{ emptyText: t('ledger.entity.noPeople') }}
          columns={[
            {
              title: t('lp.name'),
              key: 'name',
              render: (_, l) =>
                l.idNumberMasked === null ? (
                  l.name
                ) : (
                  <Link to={`/ledger/people/${l.personId}`}>{l.name}</Link>
                ),
            },
            {
              title: t('lp.idNumber'),
              key: 'id',
              className: 'fx-mono',
              render: (_, l) => l.idNumberMasked ?? t('ledger.link.outOfScope'),
            },
            {
              title: t('ledger.link.role'),
              key: 'role',
              render: (_, l) => codeName('role', l.role),
            },
            ...(write
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, l: EntityLink) => (
                      <Popconfirm
                        title={t('ledger.link.unlinkConfirm', { name: l.name })}
                        onConfirm={() => void unlink(l)}
                      >
                        <Button type="link" size="small" danger>
                          {t('ledger.link.unlink')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </LedgerDetailFrame>
  );
}
