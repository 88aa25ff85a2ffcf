import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tooltip } from 'antd';
import { withQuery } from '../../../shared/api';
import { useT } from '../../i18n/i18n';

interface Props {
  regionCode: string;
  year: number;
}

/** The quarters of `year` that have begun: all four of a past year, up to the current one now. */
function startedQuarters(year: number): number[] {
  const now = new Date();
  const last =
    year < now.getFullYear()
      ? 4
      : year > now.getFullYear()
        ? 0
        : Math.floor(now.getMonth() / 3) + 1;
  return [1, 2, 3, 4].filter((q) => q <= last);
}

/**
 * 导出季度统计表: the quarter is chosen in the export action itself (a menu of the year's quarters
 * that have begun, the latest first), so it is never taken for a filter of the dashboard. Each
 * entry downloads the quarter's progress report (.xlsx), audited by the server.
 */
export function ExportButton({ regionCode, year }: Props) {
  const t = useT();
  const quarters = startedQuarters(year).reverse();
  const href = (quarter: number) =>
    withQuery(`/api/dashboards/${regionCode}/export.xlsx`, { year, quarter });
  return (
    <Dropdown
      trigger={['click']}
      disabled={quarters.length === 0}
      menu={{
        items: quarters.map((n) => ({
          key: String(n),
          label: (
            <a href={href(n)} data-testid={`export-q${n}`}>
              {t('dash.exportQuarter', { year, n })}
            </a>
          ),
        })),
      }}
    >
      <Tooltip title={t('dash.exportHint')} placement="left">
        <Button icon={<DownloadOutlined />} data-testid="export-xlsx">
          {t('dash.export')} <DownOutlined />
        </Button>
      </Tooltip>
    </Dropdown>
  );
}
