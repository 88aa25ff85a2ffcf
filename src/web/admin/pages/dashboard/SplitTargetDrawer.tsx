import { Alert, App, Button, Drawer, InputNumber, Segmented, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { useI18n } from '../../i18n/i18n';
import { formatExact, groupDigits, ungroupDigits } from './numbers';
import {
  fillRemainder,
  type SplitBasis,
  splitDecimals,
} from '../../../../domain/indicators/target-split';
import { splitCheck } from './split';
import type { ChildTarget, TargetItem } from './types';

interface Props {
  item: TargetItem;
  onClose: () => void;
  onSaved: () => void;
}

type Values = Record<string, number | null>;

/** The weight of a region below for a split basis. */
function weightOf(c: ChildTarget, basis: SplitBasis): number {
  return basis === 'last_year' ? c.lastYearActual : basis === 'base' ? c.base : 1;
}

/** 分解目标: the target of a region split to the regions below, with the difference shown live. */
export function SplitTargetDrawer({ item, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const initial = useMemo<Values>(
    () => Object.fromEntries(item.children.map((c) => [c.regionCode, c.target])),
    [item],
  );
  const [values, setValues] = useState<Values>(initial);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [basis, setBasis] = useState<SplitBasis>('last_year');
  const parent = item.target ?? 0;
  const unit = locale === 'en' ? item.unitEn : item.unitZh;
  const name = locale === 'en' ? item.indicatorNameEn : item.indicatorNameZh;
  const { sum, diff } = splitCheck(parent, Object.values(values));
  const changed = item.children.filter((c) => values[c.regionCode] !== initial[c.regionCode]);
  const decimals = splitDecimals(item.unitZh);

  /**
   * Shares the remainder among the regions still empty (`all`: among every region, typed
   * values included), in proportion to the chosen basis.
   */
  const distribute = (all: boolean) => {
    const slots = item.children.map((c) => ({
      value: all ? null : (values[c.regionCode] ?? null),
      weight: weightOf(c, basis),
    }));
    const empty = slots.filter((s) => s.value === null);
    if (empty.length === 0) {
      void message.info(t('targets.noEmpty'));
      return;
    }
    const typed = splitCheck(
      parent,
      slots.map((s) => s.value),
    );
    if (typed.diff <= 0) {
      void message.info(t('targets.nothingLeft'));
      return;
    }
    const shares = fillRemainder(parent, slots, decimals);
    setValues(Object.fromEntries(item.children.map((c, i) => [c.regionCode, shares[i] ?? 0])));
    if (basis !== 'even' && empty.every((s) => s.weight <= 0)) {
      void message.warning(t('targets.noBasisData'));
    } else if (!all) {
      void message.success(
        t('targets.filled', {
          rest: formatExact(typed.diff),
          unit,
          n: empty.length,
          kept: slots.length - empty.length,
        }),
      );
    }
  };

  /** Redistributes everything, after asking when that would overwrite values already there. */
  const redistribute = () => {
    const typed = item.children.filter((c) => values[c.regionCode] != null).length;
    if (typed === 0) {
      distribute(true);
      return;
    }
    void modal.confirm({
      title: t('targets.overwriteTitle'),
      content: t('targets.overwriteBody', { n: typed }),
      okText: t('targets.overwriteOk'),
      okButtonProps: { danger: true },
      cancelText: t('targets.cancel'),
      onOk: () => distribute(true),
    });
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await api(`/api/targets/${item.regionCode}/${item.year}/${item.indicator}/split`, {
        method: 'POST',
        body: {
          children: changed.map((c) => ({
            regionCode: c.regionCode,
            value: values[c.regionCode] ?? 0,
          })),
        },
      });
      void message.success(t('targets.splitSaved'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const status =
    diff < 0 ? (
      <Alert
        type="error"
        showIcon
        data-testid="split-check"
        title={t('targets.splitOver', { sum: formatExact(sum), over: formatExact(-diff), unit })}
      />
    ) : diff > 0 ? (
      <Alert
        type="warning"
        showIcon
        data-testid="split-check"
        title={t('targets.splitUnder', { sum: formatExact(sum), rest: formatExact(diff), unit })}
      />
    ) : (
      <Alert
        type="success"
        showIcon
        data-testid="split-check"
        title={t('targets.splitEqual', { sum: formatExact(sum), unit })}
      />
    );

  return (
    <Drawer
      open
      size={560}
      title={t('targets.splitTitle', { region: item.regionName, year: item.year, name })}
      onClose={onClose}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('targets.cancel')}</Button>
          <Button
            type="primary"
            loading={saving}
            disabled={diff < 0 || changed.length === 0}
            onClick={() => void save()}
            data-testid="split-save"
          >
            {t('targets.splitSave')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Text>
          {t('targets.parentTarget', { value: formatExact(parent), unit })}
        </Typography.Text>
        {status}
        <ErrorAlert error={error} />
        <Space wrap size={8}>
          <Typography.Text>{t('targets.splitBasis')}</Typography.Text>
          <Segmented<SplitBasis>
            size="small"
            data-testid="split-basis"
            value={basis}
            onChange={setBasis}
            options={[
              { value: 'last_year', label: t('targets.basisLastYear') },
              { value: 'base', label: t('targets.basisBase') },
              { value: 'even', label: t('targets.basisEven') },
            ]}
          />
        </Space>
        <Space wrap size={8}>
          <Button
            size="small"
            type="primary"
            ghost
            onClick={() => distribute(false)}
            data-testid="split-fill"
          >
            {t('targets.fillRest')}
          </Button>
          <Button size="small" onClick={redistribute} data-testid="split-redistribute">
            {t('targets.redistribute')}
          </Button>
        </Space>
        <Typography.Text type="secondary">{t('targets.fillRestHelp')}</Typography.Text>
        <Table<ChildTarget>
          rowKey="regionCode"
          size="small"
          pagination={false}
          dataSource={item.children}
          columns={[
            { title: t('dash.region'), dataIndex: 'regionName' },
            {
              title: `${t('dash.actual')}（${unit}）`,
              dataIndex: 'actual',
              align: 'right',
              render: (v: number) => formatExact(v),
            },
            {
              title: t('targets.lastYearActual'),
              dataIndex: 'lastYearActual',
              align: 'right',
              render: (v: number) => formatExact(v),
            },
            {
              title: t('targets.base'),
              dataIndex: 'base',
              align: 'right',
              render: (v: number) => formatExact(v),
            },
            {
              title: `${t('targets.childTarget')}（${unit}）`,
              key: 'value',
              width: 180,
              render: (_: unknown, c) => (
                <InputNumber<number>
                  aria-label={c.regionName}
                  data-testid={`split-${c.regionCode}`}
                  min={0}
                  max={1e12}
                  precision={decimals}
                  value={values[c.regionCode] ?? null}
                  formatter={groupDigits}
                  parser={ungroupDigits}
                  onChange={(v) => setValues((old) => ({ ...old, [c.regionCode]: v }))}
                  style={{ width: '100%' }}
                />
              ),
            },
          ]}
        />
      </Space>
    </Drawer>
  );
}
