import {
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { GrantRequest, GrantRequestList } from '../../../shared/types';
import { ErrorAlert, useNotifyError } from '../../components/errors';
import { formatTime } from '../../components/format';
import { RegionName } from '../../components/RegionName';
import { useRequest } from '../../components/useRequest';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';

type Status = GrantRequest['status'];
const COLOR: Record<Status, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/**
 * Grant requests carrying personal-data permissions (三权分立): the security administrator
 * approves (批准) or rejects (驳回, with a reason); the system administrator follows their state.
 */
export function GrantRequestsCard() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const decide = can('security.manage');
  const notifyError = useNotifyError();
  const [status, setStatus] = useState<Status | 'all'>(decide ? 'pending' : 'all');
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<GrantRequest | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const list = useRequest(
    () =>
      api<GrantRequestList>('/api/grant-requests', {
        query: { page, pageSize: 20, status: status === 'all' ? undefined : status },
      }),
    [page, status],
  );
  const approve = async (id: string) => {
    try {
      await api(`/api/grant-requests/${id}/approve`, { method: 'POST' });
      list.reload();
    } catch (err) {
      notifyError(err);
    }
  };
  const reject = useSubmit(async (v: { reason: string }) => {
    if (!rejecting) return;
    await api(`/api/grant-requests/${rejecting.id}/reject`, { method: 'POST', body: v });
    setRejecting(null);
    form.resetFields();
    list.reload();
  });

  const columns = [
    {
      title: t('admins.user'),
      key: 'user',
      render: (_: unknown, r: GrantRequest) => `${r.userDisplayName}（${r.userLogin}）`,
    },
    {
      title: t('grants.role'),
      key: 'role',
      render: (_: unknown, r: GrantRequest) => (locale === 'en' ? r.roleNameEn : r.roleNameZh),
    },
    {
      title: t('grants.scope'),
      key: 'scope',
      render: (_: unknown, r: GrantRequest) => r.orgName ?? <RegionName code={r.regionCode} />,
    },
    { title: t('admins.requestedBy'), dataIndex: 'requestedByLogin', key: 'by' },
    {
      title: t('admins.requestedAt'),
      dataIndex: 'requestedAt',
      key: 'at',
      render: (v: string) => formatTime(v),
    },
    {
      title: t('admins.status'),
      key: 'status',
      render: (_: unknown, r: GrantRequest) => (
        <Space direction="vertical" size={0}>
          <Tag color={COLOR[r.status]}>{t(`admins.status.${r.status}` as const)}</Tag>
          {r.decidedByLogin && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.decidedByLogin} {formatTime(r.decidedAt)}
            </Typography.Text>
          )}
          {r.reason && <Typography.Text type="danger">{r.reason}</Typography.Text>}
        </Space>
      ),
    },
    ...(decide
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: GrantRequest) =>
              r.status === 'pending' && (
                <Space>
                  <Popconfirm
                    title={t('admins.approveConfirm')}
                    onConfirm={() => void approve(r.id)}
                  >
                    <Button type="link" size="small">
                      {t('admins.approve')}
                    </Button>
                  </Popconfirm>
                  <Button type="link" danger size="small" onClick={() => setRejecting(r)}>
                    {t('admins.reject')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('admins.requests')}
      extra={
        <Select<Status | 'all'>
          value={status}
          style={{ width: 120 }}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('common.all') },
            ...(['pending', 'approved', 'rejected'] as const).map((s) => ({
              value: s,
              label: t(`admins.status.${s}` as const),
            })),
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('admins.requestsHint')}</Typography.Paragraph>
      <ErrorAlert error={list.error} />
      <Table<GrantRequest>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('admins.noRequests') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
      />
      {rejecting && (
        <Modal
          open
          title={t('admins.rejectTitle')}
          okText={t('admins.reject')}
          okButtonProps={{ danger: true }}
          confirmLoading={reject.busy}
          onOk={() => form.submit()}
          onCancel={() => setRejecting(null)}
        >
          <ErrorAlert error={reject.error} />
          <Typography.Paragraph>
            {`${rejecting.userDisplayName}（${rejecting.userLogin}）· ${
              locale === 'en' ? rejecting.roleNameEn : rejecting.roleNameZh
            }`}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => void reject.run(v)}>
            <Form.Item
              name="reason"
              label={t('admins.reason')}
              rules={[{ required: true, min: 2, max: 200, message: t('admins.reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={200} showCount />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Card>
  );
}
