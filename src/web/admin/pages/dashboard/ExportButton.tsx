import { DownloadOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { withQuery } from '../../../shared/api';
import { useT } from '../../i18n/i18n';

interface Props {
  regionCode: string;
  year: number;
}

/** The quarter a report is usually wanted for: the current one this year, the fourth before. */
function defaultQuarter(year: number): number {
  const now = new Date();
  return year < now.getFullYear() ? 4 : Math.floor(now.getMonth() / 3) + 1;
}

/** 导出: the quarter's progress report (季度进展情况统计表) as .xlsx, audited by the server. */
export function ExportButton({ regionCode, year }: Props) {
  const t = useT();
  const [quarter, setQuarter] = useState<number | null>(null);
  const q = quarter ?? defaultQuarter(year);
  const href = withQuery(`/api/dashboards/${regionCode}/export.xlsx`, { year, quarter: q });
  return (
    <Space.Compact>
      <Select<number>
        id="export-quarter"
        value={q}
        onChange={setQuarter}
        aria-label={t('dash.quarter')}
        style={{ width: 110 }}
        options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('dash.quarterN', { n }) }))}
      />
      <Tooltip title={t('dash.exportHint')}>
        <Button icon={<DownloadOutlined />} href={href} data-testid="export-xlsx">
          {t('dash.export')}
        </Button>
      </Tooltip>
    </Space.Compact>
  );
}
