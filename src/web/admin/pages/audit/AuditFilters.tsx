import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { ERROR_CODES } from '../../../../domain/errors/codes';
import { useT } from '../../i18n/i18n';
import { AUDIT_ACTIONS, useActionName } from './actions';

export interface AuditFilterValues {
  actorLogin?: string;
  action?: string;
  result?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The query the filters stand for: whole days, in the browser's time zone, with offset. */
export function toQuery(v: AuditFilterValues): Record<string, string | undefined> {
  const [from, to] = v.range ?? [null, null];
  return {
    actorLogin: v.actorLogin?.trim() || undefined,
    action: v.action?.trim() || undefined,
    result: v.result?.trim() || undefined,
    from: from ? from.startOf('day').format() : undefined,
    to: to ? to.endOf('day').format() : undefined,
  };
}

/** Filters of the audit search: actor, action, result, date range. */
export function AuditFilters({ onSearch }: { onSearch: (v: AuditFilterValues) => void }) {
  const t = useT();
  const actionName = useActionName();
  const [form] = Form.useForm<AuditFilterValues>();
  const results = ['success', ...ERROR_CODES].map((c) => ({ value: c }));
  return (
    <Form<AuditFilterValues>
      form={form}
      layout="inline"
      className="fx-filters"
      onFinish={onSearch}
      name="audit-filters"
    >
      <Form.Item name="actorLogin" label={t('audit.actor')}>
        <Input allowClear placeholder={t('audit.actorPlaceholder')} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <AutoComplete
          allowClear
          style={{ width: 170 }}
          placeholder={t('audit.actionPlaceholder')}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: `${actionName(a)}  ${a}` }))}
          showSearch={{
            filterOption: (input, option) =>
              !!option && String(option.label).toLowerCase().includes(input.toLowerCase()),
          }}
        />
      </Form.Item>
      <Form.Item name="result" label={t('audit.result')}>
        <AutoComplete
          allowClear
          style={{ width: 140 }}
          placeholder="success / LOGIN_FAILED"
          options={results}
          showSearch={{
            filterOption: (input, option) =>
              !!option && option.value.toLowerCase().includes(input.toLowerCase()),
          }}
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.range')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 230 }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
