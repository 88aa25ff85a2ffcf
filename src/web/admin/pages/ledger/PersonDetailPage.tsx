import { EyeOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { ConsentsCard } from './ConsentsCard';
import {
  LedgerDetailFrame,
  MissingRecord,
  RecordInfoCard,
  recordTimes,
  useLedgerRecord,
} from './LedgerDetailPage';
import { useCodeName } from './names';
import { PersonForm } from './PersonForm';
import { CityName } from './cities';
import { provinceName } from './provinces';
import { StatusTag } from './StatusTag';
import type { PersonDetail, PersonEntity, Unmasked } from './types';
import { UnmaskModal } from './UnmaskModal';

/** 人员详情: the record (masked), its market entities and roles, consents and change history. */
export function PersonDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const codeName = useCodeName();
  const page = useLedgerRecord<PersonDetail, 'edit' | 'unmask' | 'merge'>('/api/people', id);
  const [unmasked, setUnmasked] = useState<Unmasked | null>(null);
  const { record: person } = page;

  if (!person) {
    return (
      <MissingRecord
        title={t('ledger.person.detail')}
        request={page.request}
        listPath="/ledger/people"
      />
    );
  }

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
    <LedgerDetailFrame
      kind="person"
      record={person}
      page={page}
      title={
        <Space>
          {person.name}
          <StatusTag status={person.status} />
        </Space>
      }
      listPath="/ledger/people"
      actions={
        can('person.unmask') && (
          <Button icon={<EyeOutlined />} onClick={() => page.open('unmask')}>
            {t('ledger.unmask.button')}
          </Button>
        )
      }
      canWrite={can('person.write')}
      dialogs={
        <>
          {page.dialog === 'edit' && (
            <PersonForm
              person={person}
              onClose={page.close}
              onSaved={(p) => page.saved(p, 'ledger.saved')}
            />
          )}
          {page.dialog === 'unmask' && (
            <UnmaskModal
              personId={id}
              name={person.name}
              onClose={page.close}
              onUnmasked={(u) => {
                page.close();
                setUnmasked(u);
              }}
            />
          )}
        </>
      }
    >
      <RecordInfoCard
        testId="person-info"
        items={[
          { label: t('lp.name'), children: person.name },
          { label: t('lp.sex'), children: codeName('sex', person.sex) },
          { label: t('lp.idNumber'), children: plain(shown?.idNumber, person.idNumberMasked) },
          { label: t('lp.birthDate'), children: person.birthDate },
          { label: t('lp.mobile'), children: plain(shown?.mobile, person.mobileMasked) },
          { label: t('lp.education'), children: codeName('education', person.education) },
          {
            label: t('lp.categories'),
            span: 2,
            children: person.categories.map((c) => <Tag key={c}>{codeName('category', c)}</Tag>),
          },
          { label: t('lp.ledgerRegionCode'), span: 2, children: person.ledgerRegionName },
          { label: t('lp.hukouRegionCode'), children: person.hukouRegionName ?? '—' },
          { label: t('lp.currentRegionCode'), children: person.currentRegionName ?? '—' },
          {
            label: t('lp.awayPlace'),
            children: (
              <>
                {provinceName(person.awayProvinceCode, locale === 'en')}
                {person.awayCityCode && (
                  <>
                    {' · '}
                    <CityName code={person.awayCityCode} />
                  </>
                )}
              </>
            ),
          },
          { label: t('lp.monthsAway'), children: person.monthsAway ?? '—' },
          { label: t('lp.returnDate'), children: person.returnDate ?? '—' },
          {
            label: t('lp.statusDates'),
            children: Object.entries(person.statusDates).map(([s, d]) => (
              <div key={s}>
                {codeName('status', s)}：{d}
              </div>
            )),
          },
          { label: t('lp.skills'), span: 2, children: person.skills || '—' },
          ...recordTimes(t, person),
        ]}
      />
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
      <ConsentsCard person={person} canWrite={can('person.write')} onChanged={page.changed} />
    </LedgerDetailFrame>
  );
}
