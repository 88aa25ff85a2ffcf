import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, Radio } from 'antd';
import { useT } from '../../i18n/i18n';
import { RegionCascader } from '../../components/RegionCascader';
import { useRegionScope } from '../../layout/RegionScope';
import { useSession } from '../../session/SessionProvider';
import { useDownload } from './download';
import { ExportFilters } from './ExportFilters';
import { type ExportValues, exportUrl } from './exportQuery';
import { type LedgerKind, READ_PERMISSION } from './types';

/**
 * Exports: the people or entity list with its filters as .xlsx, masked by default; with
 * person.unmask the full ID numbers and phones, for a reason that goes into the audit trail.
 * The file streams from the server straight to the browser's downloads.
 */
export function ExportPanel() {
  const t = useT();
  const { can } = useSession();
  const { roots, current } = useRegionScope();
  const download = useDownload();
  const [form] = Form.useForm<ExportValues>();
  const kinds = (['people', 'entities'] as LedgerKind[]).filter((k) => can(READ_PERMISSION[k]));
  const kind = Form.useWatch('kind', form) ?? kinds[0] ?? 'people';
  const unmask = Form.useWatch('unmask', form) === true;

  return (
    <Card>
      <Form<ExportValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '140px' }}
        initialValues={{ kind: kinds[0] ?? 'people', region: current, unmask: false }}
        onFinish={(values) => download(exportUrl({ ...values, kind }))}
        className="fx-io-export"
      >
        <Form.Item name="kind" label={t('io.export.what')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={kinds.map((k) => ({ value: k, label: t(`io.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="region" label={t('io.export.region')} htmlFor="export-region">
          <RegionCascader id="export-region" roots={roots} style={{ width: 360 }} />
        </Form.Item>
        <Form.Item name="q" label={t('io.export.q')}>
          <Input
            allowClear
            style={{ width: 360 }}
            maxLength={50}
            placeholder={t(`io.export.q.${kind}`)}
          />
        </Form.Item>
        <ExportFilters kind={kind} />
        {can('person.unmask') ? (
          <>
            <Form.Item name="unmask" valuePropName="checked" label={t('io.export.privacy')}>
              <Checkbox>{t('io.export.unmask')}</Checkbox>
            </Form.Item>
            {unmask && (
              <Form.Item
                name="reason"
                label={t('io.export.reason')}
                extra={t('io.export.reasonHint')}
                rules={[
                  { required: true, whitespace: true, message: t('io.export.reasonRequired') },
                  { min: 4, max: 200, message: t('io.export.reasonLength') },
                ]}
              >
                <Input.TextArea
                  rows={2}
                  maxLength={200}
                  showCount
                  style={{ width: 480 }}
                  placeholder={t('io.export.reasonPlaceholder')}
                />
              </Form.Item>
            )}
          </>
        ) : null}
        <Form.Item label=" " colon={false}>
          <Alert
            type={unmask ? 'warning' : 'info'}
            showIcon
            title={unmask ? t('io.export.unmaskedNote') : t('io.export.maskedNote')}
            className="fx-io-note"
          />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" icon={<DownloadOutlined />}>
            {t('io.export.submit')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
