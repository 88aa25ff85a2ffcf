import { Alert, Descriptions, Form, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
import { useRequest } from '../../components/useRequest';
import { useT } from '../../i18n/i18n';
import { RecordSelect } from './RecordSelect';
import type { EntityDetail, PersonDetail } from './types';

/** The two kinds of ledger record. */
export type Kind = 'person' | 'entity';
/** A ledger record's detail, by kind. */
export type Detail<K extends Kind> = K extends 'person' ? PersonDetail : EntityDetail;

function isPerson(d: PersonDetail | EntityDetail): d is PersonDetail {
  return 'idNumberMasked' in d;
}

/** What the merge will do, spelled out, from the duplicate's own detail. */
function WhatMoves({
  survivor,
  duplicate,
}: {
  survivor: string;
  duplicate: PersonDetail | EntityDetail;
}) {
  const t = useT();
  const person = isPerson(duplicate);
  return (
    <>
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('ledger.merge.duplicate')}>
          {duplicate.name}（{person ? duplicate.idNumberMasked : duplicate.creditCode}）
        </Descriptions.Item>
        <Descriptions.Item label={t('ledger.merge.region')}>
          {person ? duplicate.ledgerRegionName : duplicate.regionName}
        </Descriptions.Item>
      </Descriptions>
      <Alert
        type="warning"
        showIcon
        data-testid="merge-summary"
        title={t('ledger.merge.summaryTitle')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {person ? (
              <>
                <li>
                  {t('ledger.merge.movesLinks', { count: duplicate.entities.length, survivor })}
                </li>
                <li>
                  {t('ledger.merge.movesConsents', { count: duplicate.consents.length, survivor })}
                </li>
              </>
            ) : (
              <li>{t('ledger.merge.movesPeople', { count: duplicate.links.length, survivor })}</li>
            )}
            <li>{t('ledger.merge.dropsDouble')}</li>
            <li>{t('ledger.merge.keepsFields', { survivor })}</li>
            <li>{t('ledger.merge.hides', { duplicate: duplicate.name })}</li>
            <li>{t('ledger.merge.history')}</li>
          </ul>
        }
      />
    </>
  );
}

/** 合并重复记录: choose the duplicate, read what moves, confirm. The shown record survives. */
export function MergeModal<K extends Kind>({
  kind,
  survivor,
  onClose,
  onMerged,
}: {
  kind: K;
  survivor: Detail<K>;
  onClose: () => void;
  onMerged: (d: Detail<K>) => void;
}) {
  const t = useT();
  const [duplicateId, setDuplicateId] = useState<string | undefined>();
  const base = kind === 'person' ? '/api/people' : '/api/entities';
  const duplicate = useRequest(
    () =>
      duplicateId
        ? api<PersonDetail | EntityDetail>(`${base}/${duplicateId}`)
        : Promise.resolve(undefined),
    [duplicateId],
  );

  const merge = useSubmit(async (chosen: string) =>
    onMerged(
      await api<Detail<K>>(`${base}/${survivor.id}/merge`, {
        method: 'POST',
        body: { duplicateId: chosen, version: survivor.version },
      }),
    ),
  );

  return (
    <Modal
      open
      width={640}
      title={t('ledger.merge.title', { name: survivor.name })}
      okText={t('ledger.merge.ok')}
      okButtonProps={{ danger: true, disabled: !duplicate.data || duplicate.loading }}
      onOk={() => {
        if (duplicateId) void merge.run(duplicateId);
      }}
      onCancel={onClose}
      confirmLoading={merge.busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ledger.merge.intro')}</Typography.Paragraph>
      <ErrorAlert error={merge.error} />
      <Form layout="vertical" name="merge">
        <Form.Item label={t('ledger.merge.pick')} required>
          <RecordSelect
            kind={kind}
            value={duplicateId}
            onChange={setDuplicateId}
            exclude={survivor.id}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={duplicate.error} />
      {duplicateId && duplicate.loading && <Skeleton active paragraph={{ rows: 3 }} />}
      {duplicate.data && !duplicate.loading && (
        <WhatMoves survivor={survivor.name} duplicate={duplicate.data} />
      )}
    </Modal>
  );
}
