import { App, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { INDICATORS } from '../../../../domain/indicators/indicators';
import { api } from '../../../shared/api';
import { applyFieldErrors, ErrorAlert } from '../../components/errors';
import { useI18n } from '../../i18n/i18n';
import { formatExact, groupDigits, ungroupDigits } from './numbers';
import type { IndicatorCode, TargetItem } from './types';

interface Props {
  regionCode: string;
  regionName: string;
  year: number;
  /** The targets already listed, to edit one or tell what is already split below. */
  items: TargetItem[];
  /** The indicator to edit; none to pick one. */
  indicator?: IndicatorCode;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  indicator: IndicatorCode;
  value: number;
}

/** 设定目标: a region's annual target for one indicator (PUT, with the version read). */
export function SetTargetModal(p: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const chosen = Form.useWatch('indicator', form) ?? p.indicator;
  const existing = p.items.find((i) => i.indicator === chosen);
  const def = INDICATORS.find((d) => d.code === chosen);
  const unit = def ? (locale === 'en' ? def.unit.en : def.unit.zh) : '';

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      await api(`/api/targets/${p.regionCode}/${p.year}/${v.indicator}`, {
        method: 'PUT',
        body: { value: v.value, version: existing?.version ?? undefined },
      });
      void message.success(t('targets.saved'));
      p.onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('targets.setTitle', { region: p.regionName, year: p.year })}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={p.onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ indicator: p.indicator, value: existing?.target ?? undefined }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="indicator"
          label={t('targets.indicator')}
          rules={[{ required: true, message: t('targets.indicatorRequired') }]}
        >
          <Select<IndicatorCode>
            disabled={Boolean(p.indicator)}
            onChange={(code) =>
              form.setFieldValue(
                'value',
                p.items.find((i) => i.indicator === code)?.target ?? undefined,
              )
            }
            options={INDICATORS.map((d) => ({
              value: d.code,
              label: locale === 'en' ? d.en : d.zh,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="value"
          label={t('targets.value')}
          rules={[{ required: true, message: t('targets.valueRequired') }]}
          extra={
            existing && existing.childrenSum > 0
              ? t('targets.atLeastChildren', { sum: formatExact(existing.childrenSum), unit })
              : undefined
          }
        >
          <InputNumber<number>
            min={existing?.childrenSum ?? 0}
            max={1e12}
            precision={def?.unit.zh === '元' || def?.unit.zh === '万元' ? 2 : 0}
            style={{ width: '100%' }}
            suffix={unit}
            formatter={groupDigits}
            parser={ungroupDigits}
          />
        </Form.Item>
        {existing?.version && (
          <Typography.Text type="secondary">
            {t('targets.current', { value: formatExact(existing.target ?? 0), unit })}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
