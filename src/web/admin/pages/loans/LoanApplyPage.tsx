import {
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { COLLATERALS, LOAN_GROUPS, OTHER_LOANS } from '../../../../domain/loans/groups';
import { type AmountUnit, parseAmountFen } from '../../../shared/amount-input';
import { api, ApiError } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { PageHead } from '../../components/PageHead';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n/i18n';
import { RecordSelect } from '../ledger/RecordSelect';
import type { PersonDetail } from '../ledger/types';
import { EligibilityList } from './EligibilityList';
import type { Banks, Created, Eligibility } from './types';

type Kind = 'individual' | 'partnership' | 'enterprise';

interface Values {
  kind: Kind;
  members?: number;
  personId?: string;
  entityId?: string;
  amount: string;
  unit: AmountUnit;
  termMonths: number;
  purpose: string;
  collateral: string;
  declaredGroups?: string[];
  otherLoans?: { holder: 'applicant' | 'spouse'; kind: string; balance: string }[];
  confirmed?: boolean;
  bankOrgId?: string;
  comment?: string;
}

/** antd's own field-validation failure: already shown on the fields. */
const formRefused = (err: unknown) =>
  typeof err === 'object' && err !== null && 'errorFields' in err;

function invalid(message: string): ApiError {
  return new ApiError(400, { code: 'VALIDATION', message, details: {} });
}

/**
 * 代申请: an officer files a guarantee-loan application for someone in the ledger. The pre-check
 * (GET /api/loans/eligibility) is shown condition by condition before the file can be sent.
 */
export function LoanApplyPage() {
  const { t, locale } = useI18n();
  const lang = locale === 'en' ? 'en' : 'zh';
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const personId = Form.useWatch('personId', form);
  const [region, setRegion] = useState<string | null>(null);
  const [banks, setBanks] = useState<Banks['items']>([]);
  const [check, setCheck] = useState<Eligibility | null>(null);

  useEffect(() => {
    setRegion(null);
    if (!personId) return;
    let live = true;
    void api<PersonDetail>(`/api/people/${personId}`)
      .then((p) => live && setRegion(p.ledgerRegionCode))
      .catch(() => live && setRegion(null));
    return () => {
      live = false;
    };
  }, [personId]);

  useEffect(() => {
    setBanks([]);
    if (!region) return;
    let live = true;
    void api<Banks>('/api/loans/banks', { query: { region } })
      .then((b) => live && setBanks(b.items))
      .catch(() => live && setBanks([]));
    return () => {
      live = false;
    };
  }, [region]);

  /** The form's values as the API reads them (amounts in fen), or a coded error. */
  const body = (v: Values) => {
    const amountFen = parseAmountFen(v.amount ?? '', v.unit);
    if (!amountFen) throw invalid(t('loan.err.amount'));
    const otherLoans = (v.otherLoans ?? []).map((o) => {
      const balanceFen = parseAmountFen(o.balance ?? '');
      if (balanceFen === null) throw invalid(t('loan.err.amount'));
      return { holder: o.holder, kind: o.kind, balanceFen };
    });
    return {
      kind: v.kind,
      ...(v.kind === 'partnership' && v.members ? { members: v.members } : {}),
      personId: v.personId,
      entityId: v.entityId,
      amountFen,
      termMonths: v.termMonths,
      purpose: v.purpose?.trim(),
      collateral: v.collateral,
      declarations: {
        confirmed: v.confirmed === true,
        otherLoans,
        declaredGroups: v.declaredGroups ?? [],
      },
      bankOrgId: v.bankOrgId,
      ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
    };
  };

  const precheck = useSubmit(async () => {
    const v = await form.validateFields(['kind', 'personId', 'entityId', 'amount', 'termMonths']);
    const b = body({ ...form.getFieldsValue(true), ...v } as Values);
    setCheck(
      await api<Eligibility>('/api/loans/eligibility', {
        query: {
          personId: b.personId,
          entityId: b.entityId,
          kind: b.kind,
          members: b.members,
          amountFen: b.amountFen,
          termMonths: b.termMonths,
          collateral: b.collateral,
        },
      }),
    );
  }, formRefused);

  const file = useSubmit(async () => {
    const v = await form.validateFields();
    const created = await api<Created>('/api/loans/applications', {
      method: 'POST',
      body: body(v),
    });
    void navigate(`/cases/${created.caseId}`);
  }, formRefused);

  return (
    <>
      <PageHead title={t('loan.apply.title')} />
      <Typography.Paragraph type="secondary">{t('loan.apply.intro')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Form<Values>
              form={form}
              name="loan-apply"
              layout="vertical"
              initialValues={{
                kind: 'individual',
                unit: 'wan',
                termMonths: 36,
                collateral: 'credit',
              }}
              onValuesChange={() => setCheck(null)}
            >
              <Form.Item name="kind" label={t('loan.f.kind')} rules={[{ required: true }]}>
                <Radio.Group>
                  <Radio value="individual">{t('loan.kind.individual')}</Radio>
                  <Radio value="partnership">{t('loan.kind.partnership')}</Radio>
                  <Radio value="enterprise">{t('loan.kind.enterprise')}</Radio>
                </Radio.Group>
              </Form.Item>
              {kind === 'partnership' && (
                <Form.Item name="members" label={t('loan.f.members')} rules={[{ required: true }]}>
                  <InputNumber min={2} max={10} />
                </Form.Item>
              )}
              <Form.Item
                name="personId"
                label={t('loan.f.person')}
                rules={[{ required: true, message: t('loan.err.person') }]}
              >
                <RecordSelect kind="person" id="loan-person" />
              </Form.Item>
              {kind === 'enterprise' && (
                <Form.Item
                  name="entityId"
                  label={t('loan.f.entity')}
                  rules={[{ required: true, message: t('loan.err.entity') }]}
                >
                  <RecordSelect kind="entity" id="loan-entity" />
                </Form.Item>
              )}
              <Form.Item label={t('loan.f.amount')} required>
                <Space.Compact>
                  <Form.Item name="amount" noStyle rules={[{ required: true }]}>
                    <Input id="loan-amount" inputMode="decimal" style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name="unit" noStyle>
                    <Select
                      style={{ width: 100 }}
                      options={[
                        { value: 'wan', label: t('case.unit.wan') },
                        { value: 'yuan', label: t('case.unit.yuan') },
                      ]}
                    />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
              <Form.Item name="termMonths" label={t('loan.f.term')} rules={[{ required: true }]}>
                <InputNumber id="loan-term" min={1} max={60} addonAfter={t('case.unit.months')} />
              </Form.Item>
              <Form.Item
                name="purpose"
                label={t('loan.f.purpose')}
                rules={[{ required: true, min: 2, max: 200 }]}
              >
                <Input id="loan-purpose" maxLength={200} />
              </Form.Item>
              <Form.Item
                name="collateral"
                label={t('loan.f.collateral')}
                rules={[{ required: true }]}
              >
                <Select options={COLLATERALS.map((c) => ({ value: c.code, label: c[lang] }))} />
              </Form.Item>
              <Form.Item name="declaredGroups" label={t('loan.f.groups')}>
                <Select
                  mode="multiple"
                  options={LOAN_GROUPS.map((g) => ({ value: g.code, label: g[lang] }))}
                />
              </Form.Item>
              <Form.List name="otherLoans">
                {(rows, { add, remove }) => (
                  <Form.Item label={t('loan.f.otherLoans')}>
                    <Space direction="vertical" style={{ width: '100%' }}>
                      {rows.map((row) => (
                        <Space key={row.key} wrap>
                          <Form.Item name={[row.name, 'holder']} noStyle initialValue="applicant">
                            <Select
                              style={{ width: 100 }}
                              options={[
                                { value: 'applicant', label: t('loan.holder.applicant') },
                                { value: 'spouse', label: t('loan.holder.spouse') },
                              ]}
                            />
                          </Form.Item>
                          <Form.Item name={[row.name, 'kind']} noStyle initialValue="housing">
                            <Select
                              style={{ width: 150 }}
                              options={OTHER_LOANS.map((o) => ({ value: o.code, label: o[lang] }))}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[row.name, 'balance']}
                            noStyle
                            rules={[{ required: true }]}
                          >
                            <Input
                              style={{ width: 180 }}
                              placeholder={t('loan.f.balance')}
                              addonAfter={t('case.unit.yuan')}
                            />
                          </Form.Item>
                          <Button onClick={() => remove(row.name)}>{t('loan.remove')}</Button>
                        </Space>
                      ))}
                      <Button onClick={() => add()}>{t('loan.addOtherLoan')}</Button>
                    </Space>
                  </Form.Item>
                )}
              </Form.List>
              <Form.Item
                name="bankOrgId"
                label={t('loan.f.bank')}
                rules={[{ required: true, message: t('loan.err.bank') }]}
                extra={region ? undefined : t('loan.bankAfterPerson')}
              >
                <Select
                  id="loan-bank"
                  options={banks.map((b) => ({ value: b.id, label: b.name }))}
                  notFoundContent={t('common.noData')}
                />
              </Form.Item>
              <Form.Item
                name="confirmed"
                valuePropName="checked"
                rules={[
                  {
                    validator: (_r, v) =>
                      v === true
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('loan.err.confirm'))),
                  },
                ]}
              >
                <Checkbox id="loan-confirmed">{t('loan.f.confirmed')}</Checkbox>
              </Form.Item>
              <Form.Item name="comment" label={t('case.comment')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Space>
                <Button loading={precheck.busy} onClick={() => void precheck.run()}>
                  {t('loan.precheck')}
                </Button>
                <Button
                  type="primary"
                  loading={file.busy}
                  disabled={!check || check.refused}
                  onClick={() => void file.run()}
                >
                  {t('loan.file')}
                </Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('loan.elig.title')}>
            <ErrorAlert error={precheck.error ?? file.error} />
            {check ? (
              <EligibilityList result={check} />
            ) : (
              <Typography.Text type="secondary">{t('loan.elig.first')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
