import { EditOutlined, EyeOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatTime } from '../../components/format';
import { PageHead } from '../../components/PageHead';
import { useRequest } from '../../components/useRequest';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { ConsentsCard } from './ConsentsCard';
import { HistoryTimeline } from './HistoryTimeline';
import { MergeModal } from './MergeModal';
import { useCodeName } from './names';
import { PersonForm } from './PersonForm';
import { provinceName } from './provinces';
import { RecordState } from './RecordState';
import { StatusTag } from './StatusTag';
import './ledger.css';
import type { PersonDetail, PersonEntity, Unmasked } from './types';
import { UnmaskModal } from './UnmaskModal';

/** 人员详情: the record (masked), its market entities and roles, consents and change history. */
export function PersonDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const codeName = useCodeName();
  const detail = useRequest(() => api<PersonDetail>(`/api/people/${id}`), [id]);
  const [override, setOverride] = useState<PersonDetail | null>(null);
  const [unmasked, setUnmasked] = useState<Unmasked | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'unmask' | 'merge' | null>(null);
  const [refresh, setRefresh] = useState(0);
  const person = override?.id === id ? override : detail.data;

  if (!person || person.id !== id) {
    return (
      <>
        <PageHead title={t('ledger.person.detail')} />
        <RecordState
          loading={detail.loading}
          error={detail.error}
          listPath="/ledger/people"
          onRetry={detail.reload}
        />
      </>
    );
  }

  const changed = (p: PersonDetail) => {
    setOverride(p);
    setRefresh((n) => n + 1);
  };
  const shown = unmasked?.id === id ? unmasked : null;
  const plain = (value: string | null | undefined, masked: string | null) =>
    value !== undefined ? (
      <Space size={4}>
        <Typography.Text copyable data-testid="plain">
          {value ?? '—'}
        </Typography.Text>
        <Tag color="orange">{t('ledger.unmask.shown')}</Tag>
      </Space>
    ) : (
      (masked ?? '—')
    );

  return (
    <>
      <PageHead
        title={
          <Space>
            {person.name}
            <StatusTag status={person.status} />
          </Space>
        }
        extra={
          <Space>
            <Link to="/ledger/people">
              <Button>{t('ledger.backToList')}</Button>
            </Link>
            {can('person.unmask') && (
              <Button icon={<EyeOutlined />} onClick={() => setDialog('unmask')}>
                {t('ledger.unmask.button')}
              </Button>
            )}
            {can('person.write') && (
              <Button icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')}>
                {t('ledger.merge.button')}
              </Button>
            )}
            {can('person.write') && (
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
            <div data-testid="person-info">
              <Descriptions
                size="small"
                bordered
                column={2}
                styles={{ label: { whiteSpace: 'nowrap' } }}
              >
                <Descriptions.Item label={t('lp.name')}>{person.name}</Descriptions.Item>
                <Descriptions.Item label={t('lp.sex')}>
                  {codeName('sex', person.sex)}
                </Descriptions.Item>
                <Descriptions.Item label={t('lp.idNumber')}>
                  {plain(shown?.idNumber, person.idNumberMasked)}
                </Descriptions.Item>
                <Descriptions.Item label={t('lp.birthDate')}>{person.birthDate}</Descriptions.Item>
                <Descriptions.Item label={t('lp.mobile')}>
                  {plain(shown?.mobile, person.mobileMasked)}
                </Descriptions.Item>
                <Descriptions.Item label={t('lp.education')}>
                  {codeName('education', person.education)}
                </Descriptions.Item>
                <Descriptions.Item label={t('lp.categories')} span={2}>
                  {person.categories.map((c) => (
                    <Tag key={c}>{codeName('category', c)}</Tag>
                  ))}
                </Descriptions.Item>
                <Descriptions.Item label={t('lp.ledgerRegionCode')} span={2}>
                  {person.ledgerRegionName}
                </Descriptions.Item>
                <Descriptions.Item label={t('lp.hukouRegionCode')}>
                  {person.hukouRegionName ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('lp.currentRegionCode')}>
                  {person.currentRegionName ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('lp.awayPlace')}>
                  {provinceName(person.awayProvinceCode, locale === 'en')}
                  {person.awayCityCode ? ` · ${person.awayCityCode}` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('lp.monthsAway')}>
                  {person.monthsAway ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('lp.returnDate')}>
                  {person.returnDate ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('lp.statusDates')}>
                  {Object.entries(person.statusDates).map(([s, d]) => (
                    <div key={s}>
                      {codeName('status', s)}：{d}
                    </div>
                  ))}
                </Descriptions.Item>
                <Descriptions.Item label={t('lp.skills')} span={2}>
                  {person.skills || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('ledger.createdAt')}>
                  {formatTime(person.createdAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('ledger.updatedAt')}>
                  {formatTime(person.updatedAt)}（{t('ledger.version', { version: person.version })}
                  ）
                </Descriptions.Item>
              </Descriptions>
            </div>
          </Card>
          <Card size="small" title={t('ledger.person.entities')} style={{ marginBottom: 16 }}>
            <Table<PersonEntity>
              rowKey="linkId"
              size="small"
              pagination={false}
              dataSource={person.entities}
              locale={{ emptyText: t('ledger.person.noEntities') }}
              columns={[
                {
                  title: t('le.name'),
                  key: 'name',
                  render: (_, e) => <Link to={`/ledger/entities/${e.entityId}`}>{e.name}</Link>,
                },
                {
                  title: t('ledger.link.role'),
                  key: 'role',
                  render: (_, e) => codeName('role', e.role),
                },
              ]}
            />
          </Card>
          <ConsentsCard person={person} canWrite={can('person.write')} onChanged={changed} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('ledger.history')}>
            <HistoryTimeline kind="person" id={id} refresh={refresh} />
          </Card>
        </Col>
      </Row>
      {dialog === 'edit' && (
        <PersonForm
          person={person}
          onClose={() => setDialog(null)}
          onSaved={(p) => {
            setDialog(null);
            changed(p);
            void message.success(t('ledger.saved'));
          }}
        />
      )}
      {dialog === 'unmask' && (
        <UnmaskModal
          personId={id}
          name={person.name}
          onClose={() => setDialog(null)}
          onUnmasked={(u) => {
            setDialog(null);
            setUnmasked(u);
          }}
        />
      )}
      {dialog === 'merge' && (
        <MergeModal
          kind="person"
          survivor={person}
          onClose={() => setDialog(null)}
          onMerged={(p) => {
            setDialog(null);
            changed(p);
            void message.success(t('ledger.merge.done'));
          }}
        />
      )}
    </>
  );
}
