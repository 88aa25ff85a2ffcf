import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { ErrorAlert, useNotifyError } from '../../components/errors';
import { formatTime } from '../../components/format';
import { useT } from '../../i18n/i18n';
import { useCodeName, useCodeOptions } from './names';
import type { Consent, PersonDetail } from './types';

/** 授权记录: what the person agreed to, to whom; record a new one or withdraw one. */
export function ConsentsCard({
  person,
  canWrite,
  onChanged,
}: {
  person: PersonDetail;
  canWrite: boolean;
  onChanged: (p: PersonDetail) => void;
}) {
  const t = useT();
  const codeName = useCodeName();
  const options = useCodeOptions();
  const notifyError = useNotifyError();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ purpose: string; grantedTo: string }>();

  const add = async (v: { purpose: string; grantedTo: string }) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(
        await api<PersonDetail>(`/api/people/${person.id}/consents`, {
          method: 'POST',
          body: { purpose: v.purpose, grantedTo: v.grantedTo.trim() },
        }),
      );
      setAdding(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async (c: Consent) => {
    try {
      onChanged(
        await api<PersonDetail>(`/api/people/${person.id}/consents/${c.id}/withdraw`, {
          method: 'POST',
        }),
      );
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <Card
      size="small"
      title={t('ledger.consents')}
      extra={
        canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('ledger.consent.add')}
          </Button>
        )
      }
    >
      <Table<Consent>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={person.consents}
        locale={{ emptyText: t('ledger.consent.none') }}
        columns={[
          {
            title: t('ledger.consent.purpose'),
            key: 'p',
            render: (_, c) => codeName('purpose', c.purpose),
          },
          { title: t('ledger.consent.grantedTo'), dataIndex: 'grantedTo', key: 'to' },
          {
            title: t('ledger.consent.grantedAt'),
            key: 'at',
            render: (_, c) => formatTime(c.grantedAt),
          },
          {
            title: t('ledger.consent.state'),
            key: 'state',
            render: (_, c) =>
              c.withdrawnAt ? (
                <Tag>{t('ledger.consent.withdrawnAt', { at: formatTime(c.withdrawnAt) })}</Tag>
              ) : (
                <Tag color="green">{t('ledger.consent.valid')}</Tag>
              ),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, c: Consent) =>
                    !c.withdrawnAt && (
                      <Popconfirm
                        title={t('ledger.consent.withdrawConfirm')}
                        onConfirm={() => void withdraw(c)}
                      >
                        <Button type="link" size="small" danger>
                          {t('ledger.consent.withdraw')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding && (
        <Modal
          open
          title={t('ledger.consent.add')}
          onOk={() => form.submit()}
          onCancel={() => setAdding(false)}
          confirmLoading={busy}
          destroyOnHidden
        >
          <ErrorAlert error={error} />
          <Form form={form} layout="vertical" name="consent" onFinish={(v) => void add(v)}>
            <Form.Item
              name="purpose"
              label={t('ledger.consent.purpose')}
              rules={[{ required: true, message: t('ledger.requiredChoose') }]}
            >
              <Select options={options('purpose')} />
            </Form.Item>
            <Form.Item
              name="grantedTo"
              label={t('ledger.consent.grantedTo')}
              rules={[
                { required: true, whitespace: true, message: t('ledger.required') },
                { max: 100 },
              ]}
            >
              <Input maxLength={100} placeholder={t('ledger.consent.grantedToPlaceholder')} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Card>
  );
}
