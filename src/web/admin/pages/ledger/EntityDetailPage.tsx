import { EditOutlined, MergeCellsOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api';
import { useNotifyError } from '../../components/errors';
import { formatTime } from '../../components/format';
import { PageHead } from '../../components/PageHead';
import { useRequest } from '../../components/useRequest';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { EntityForm } from './EntityForm';
import { HistoryTimeline } from './HistoryTimeline';
import { LinkPersonModal } from './LinkPersonModal';
import { MergeModal } from './MergeModal';
import { useCodeName, useIndustryName, useIssueText } from './names';
import { RecordState } from './RecordState';
import './ledger.css';
import type { EntityDetail, EntityLink } from './types';

const wan = (v: number | null, unit: string) =>
  v === null ? '—' : `${v.toLocaleString('zh-CN')} ${unit}`;

/** 市场主体详情: the record, its linked people (link / unlink), and its change history. */
export function EntityDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { can } = useSession();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const codeName = useCodeName();
  const industry = useIndustryName();
  const issueText = useIssueText();
  const detail = useRequest(() => api<EntityDetail>(`/api/entities/${id}`), [id]);
  const [override, setOverride] = useState<EntityDetail | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'link' | 'merge' | null>(null);
  const [refresh, setRefresh] = useState(0);
  const entity = override?.id === id ? override : detail.data;

  if (!entity || entity.id !== id) {
    return (
      <>
        <PageHead title={t('ledger.entity.detail')} />
        <RecordState
          loading={detail.loading}
          error={detail.error}
          listPath="/ledger/entities"
          onRetry={detail.reload}
        />
      </>
    );
  }
  const changed = (e: EntityDetail) => {
    setOverride(e);
    setRefresh((n) => n + 1);
  };
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

  return (
    <>
      <PageHead
        title={
          <Space>
            {entity.name}
            <Tag>{codeName('entityType', entity.type)}</Tag>
            {entity.aboveScale && <Tag color="red">{t('le.aboveScale')}</Tag>}
            {entity.isWorkshop && <Tag color="blue">{t('ledger.entity.workshop')}</Tag>}
          </Space>
        }
        extra={
          <Space>
            <Link to="/ledger/entities">
              <Button>{t('ledger.backToList')}</Button>
            </Link>
            {write && (
              <Button icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')}>
                {t('ledger.merge.button')}
              </Button>
            )}
            {write && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('ledger.basicInfo')} style={{ marginBottom: 16 }}>
            <div data-testid="entity-info">
              <Descriptions
                size="small"
                bordered
                column={2}
                styles={{ label: { whiteSpace: 'nowrap' } }}
              >
                <Descriptions.Item label={t('le.name')} span={2}>
                  {entity.name}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.creditCode')} span={2}>
                  <Space>
                    <span className="fx-mono">{entity.creditCode}</span>
                    {!entity.creditCodeChecksumValid && (
                      <Tag icon={<WarningOutlined />} color="warning">
                        {issueText('CREDIT_CODE_CHECKSUM')}
                      </Tag>
                    )}
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={t('le.type')}>
                  {codeName('entityType', entity.type)}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.industryCode')}>
                  {industry(entity.industryCode)}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.regionCode')} span={2}>
                  {entity.regionName}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.parkOrgId')}>
                  {entity.parkName ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.parkUnit')}>
                  {entity.parkUnit ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.foundedOn')}>
                  {entity.foundedOn ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.registeredCapitalWan')}>
                  {wan(entity.registeredCapitalWan, unit)}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.employees')}>{entity.employees}</Descriptions.Item>
                <Descriptions.Item label={t('le.annualRevenueWan')}>
                  {wan(entity.annualRevenueWan, unit)}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.jobsCreated')}>
                  {entity.jobsCreated}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.jobsPoverty')}>
                  {entity.jobsPoverty}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.isWorkshop')}>
                  {entity.isWorkshop ? t('ledger.yes') : t('ledger.no')}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.isEcommerce')}>
                  {entity.isEcommerce ? t('ledger.yes') : t('ledger.no')}
                </Descriptions.Item>
                <Descriptions.Item label={t('le.products')} span={2}>
                  {entity.products || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('ledger.createdAt')}>
                  {formatTime(entity.createdAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('ledger.updatedAt')}>
                  {formatTime(entity.updatedAt)}（{t('ledger.version', { version: entity.version })}
                  ）
                </Descriptions.Item>
              </Descriptions>
            </div>
          </Card>
          <Card
            size="small"
            title={t('ledger.entity.people')}
            extra={
              write && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('link')}>
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
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('ledger.history')}>
            <HistoryTimeline kind="entity" id={id} refresh={refresh} />
          </Card>
        </Col>
      </Row>
      {dialog === 'edit' && (
        <EntityForm
          entity={entity}
          onClose={() => setDialog(null)}
          onSaved={(e) => {
            setDialog(null);
            changed(e);
            void message.success(t('ledger.saved'));
          }}
        />
      )}
      {dialog === 'link' && (
        <LinkPersonModal
          entity={entity}
          onClose={() => setDialog(null)}
          onLinked={(e) => {
            setDialog(null);
            changed(e);
          }}
        />
      )}
      {dialog === 'merge' && (
        <MergeModal
          kind="entity"
          survivor={entity}
          onClose={() => setDialog(null)}
          onMerged={(e) => {
            setDialog(null);
            changed(e);
            void message.success(t('ledger.merge.done'));
          }}
        />
      )}
    </>
  );
}
