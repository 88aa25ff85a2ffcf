import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Modal,
  Row,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatPercent, formatYuan } from '../../../shared/amount-input';
import { api, ApiError } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { formatTime } from '../../components/format';
import { PageHead } from '../../components/PageHead';
import { RegionName } from '../../components/RegionName';
import { useRequest } from '../../components/useRequest';
import { useI18n } from '../../i18n/i18n';
import { MATERIAL_NAMES } from '../../../../domain/loans/materials';
import { LoanPanel } from '../loans/LoanPanel';
import { AttachmentUpload } from './AttachmentUpload';
import { DeadlineTag } from './DeadlineTag';
import { DecisionField } from './DecisionField';
import { fieldLabel, fieldValue } from './decision-fields';
import type { CaseDetail, CaseTypes, OfferedTransition } from './types';

/** Transitions only the lending bank may fire while a loan is repaid: it records repayments too. */
const REPAYING_WORK = new Set(['settle', 'mark_overdue', 'cure', 'extend']);

function valueText(key: string, v: unknown): string {
  if (typeof v === 'number' && key.endsWith('Fen')) return `${formatYuan(v)} 元`;
  if (typeof v === 'number' && key.endsWith('Bp')) return formatPercent(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** The step bar: the type's usual path, the current step highlighted, skipped steps marked. */
function StepBar({ c, types }: { c: CaseDetail; types: CaseTypes | undefined }) {
  const type = types?.items.find((x) => x.code === c.type);
  if (!type) return null;
  const visited = new Set(c.history.map((h) => h.toState));
  const name = (code: string) => type.states.find((s) => s.code === code)?.name ?? code;
  let current = type.stepBar.indexOf(c.state);
  const offPath = current < 0;
  if (offPath) {
    // refused, withdrawn, overdue …: stop the bar at the last step the case reached
    current = Math.max(...type.stepBar.map((s, i) => (visited.has(s) ? i : -1)));
  }
  return (
    <Steps
      size="small"
      current={current}
      status={offPath ? (c.terminal ? 'error' : 'process') : c.terminal ? 'finish' : 'process'}
      items={type.stepBar.map((s, i) => ({
        title: name(s),
        description:
          i < current && !visited.has(s)
            ? '跳过'
            : i === current && offPath
              ? c.stateName
              : undefined,
      }))}
    />
  );
}

/** A case: step bar, time left, its data, materials, history and the decisions the user may take. */
export function CaseDetailPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const detail = useRequest(() => api<CaseDetail>(`/api/cases/${id}`), [id]);
  const types = useRequest(() => api<CaseTypes>('/api/cases/types'), []);
  const [acting, setActing] = useState<OfferedTransition | null>(null);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const c = detail.data;
  const fieldNames = types.data?.items.find((x) => x.code === c?.type)?.fieldNames ?? {};
  const fieldName = (k: string) => fieldLabel(fieldNames[k] ?? k);
  const open = (tr: OfferedTransition) => {
    setActing(tr);
    setComment('');
    setReason('');
    setFields({});
    setError(null);
  };
  const submit = async () => {
    if (!c || !acting) return;
    const values = Object.fromEntries(
      acting.fields.map((f) => [f, fieldValue(f, fields[f] ?? '')]),
    );
    const unread = acting.fields.filter((f) => values[f] === undefined);
    if (unread.length) {
      setError(
        new ApiError(400, {
          code: 'VALIDATION',
          message: t('case.fieldsUnread', { fields: unread.map(fieldName).join('、') }),
          details: {},
        }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/api/cases/${c.id}/transitions`, {
        method: 'POST',
        body: {
          transition: acting.id,
          version: c.version,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(acting.fields.length ? { fields: values } : {}),
        },
      });
      setActing(null);
      detail.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead
        title={c ? `${c.typeName} · ${c.stateName}` : t('case.detail')}
        extra={<Link to="/cases/queue">{t('case.back')}</Link>}
      />
      <ErrorAlert error={detail.error} />
      {c && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small">
            <div data-testid="case-steps">
              <StepBar c={c} types={types.data} />
            </div>
            <div style={{ marginTop: 12 }}>
              <Space wrap>
                <DeadlineTag status={c.deadlineStatus} daysLeft={c.workingDaysLeft} />
                {c.dueAt && (
                  <Typography.Text type="secondary">
                    {t('case.col.deadline')}：{formatTime(c.dueAt)}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary">
                  {t('case.version', { version: c.version })}
                </Typography.Text>
                <Typography.Text type="secondary">{t('case.limitDemo')}</Typography.Text>
              </Space>
            </div>
          </Card>
          <Row gutter={16}>
            <Col span={14}>
              <Card size="small" title={t('case.data')}>
                <Descriptions size="small" column={1} bordered>
                  <Descriptions.Item label={t('case.col.subject')}>
                    {[c.subjectPersonName, c.subjectEntityName].filter(Boolean).join(' / ') ||
                      t('case.anonymous')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('pr.col.region')}>
                    <RegionName code={c.regionCode} />
                  </Descriptions.Item>
                  {Object.entries(c.data)
                    .filter(([k]) => !k.endsWith('OrgId'))
                    .map(([k, v]) => (
                      <Descriptions.Item key={k} label={fieldName(k)}>
                        {valueText(k, v)}
                      </Descriptions.Item>
                    ))}
                </Descriptions>
              </Card>
              <Card size="small" title={t('case.attachments')} style={{ marginTop: 16 }}>
                {c.attachments.length === 0 ? (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={t('case.noAttachments')}
                  />
                ) : (
                  <ul>
                    {c.attachments.map((a) => (
                      <li key={a.id}>
                        {a.materialKind !== 'other' && (
                          <Tag>{MATERIAL_NAMES[a.materialKind][locale === 'en' ? 'en' : 'zh']}</Tag>
                        )}
                        <a href={`/api/cases/${c.id}/attachments/${a.id}`}>{a.name}</a>{' '}
                        <Typography.Text type="secondary">
                          {formatTime(a.uploadedAt)}
                        </Typography.Text>
                      </li>
                    ))}
                  </ul>
                )}
                {!c.terminal && <AttachmentUpload caseId={c.id} onUploaded={detail.reload} />}
              </Card>
              {c.type === 'guarantee-loan' && (
                <div style={{ marginTop: 16 }}>
                  <LoanPanel
                    caseId={c.id}
                    version={c.version}
                    canRepay={c.allowedTransitions.some((tr) => REPAYING_WORK.has(tr.id))}
                  />
                </div>
              )}
            </Col>
            <Col span={10}>
              <Card size="small" title={t('case.actions')}>
                {c.allowedTransitions.length === 0 ? (
                  <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>
                ) : (
                  <Space wrap>
                    {c.allowedTransitions.map((tr) => (
                      <Button
                        key={tr.id}
                        danger={tr.needsReason}
                        type={tr.needsReason ? 'default' : 'primary'}
                        onClick={() => open(tr)}
                      >
                        {tr.name}
                      </Button>
                    ))}
                  </Space>
                )}
              </Card>
              <Card size="small" title={t('case.history')} style={{ marginTop: 16 }}>
                <Timeline
                  items={[...c.history].reverse().map((h) => ({
                    color: h.reason ? 'red' : 'blue',
                    children: (
                      <div>
                        <div>
                          <b>{h.transitionName}</b>
                          {h.fromStateName
                            ? ` · ${h.fromStateName} → ${h.toStateName}`
                            : ` · ${h.toStateName}`}
                        </div>
                        <Typography.Text type="secondary">
                          {formatTime(h.at)} · {h.actorOrgName ?? h.actorLogin}
                          {h.actorOrgName ? `（${h.actorLogin}）` : ''}
                          {h.workingDaysInState !== null && h.fromState
                            ? ` · ${t('case.daysInState', { days: h.workingDaysInState })}`
                            : ''}
                        </Typography.Text>
                        {h.comment && <div>{h.comment}</div>}
                        {h.reason && <Tag color="red">{h.reason}</Tag>}
                      </div>
                    ),
                  }))}
                />
              </Card>
            </Col>
          </Row>
        </Space>
      )}
      <Modal
        open={acting !== null}
        title={acting?.name}
        okText={t('case.submit')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setActing(null)}
      >
        <ErrorAlert error={error} />
        <Space direction="vertical" style={{ width: '100%' }}>
          {acting?.fields.map((f) => (
            <DecisionField
              key={f}
              name={f}
              label={fieldName(f)}
              value={fields[f] ?? ''}
              onChange={(v) => setFields((prev) => ({ ...prev, [f]: v }))}
            />
          ))}
          {acting?.needsReason && (
            <Input.TextArea
              rows={3}
              placeholder={t('case.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
          <Input.TextArea
            rows={2}
            placeholder={t('case.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </Space>
      </Modal>
    </>
  );
}
