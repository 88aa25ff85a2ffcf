import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHead } from '../../components/PageHead';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';
import { RecentImports } from './RecentImports';
import { useJob } from './useJob';
import './ledger-io.css';

type Tab = 'import' | 'export';

/**
 * 导入导出: the import wizard with the user's recent imports, and the exports. The followed job
 * and the tab live in the URL (`?job=…`, `?tab=export`), so a reload or a shared link comes back
 * to the same progress bar.
 */
export function ImportExportPage() {
  const t = useT();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const tabs: Tab[] = [
    ...(can('ledger.import') ? (['import'] as const) : []),
    ...(can('ledger.export') ? (['export'] as const) : []),
  ];
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : (tabs[0] ?? 'import');
  const jobId = tab === 'import' ? params.get('job') : null;
  const state = useJob(jobId);

  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });
  const openJob = (id: string | null) => update({ job: id });

  const items = tabs.map((key) => ({
    key,
    label: t(`io.tab.${key}`),
    children:
      key === 'import' ? (
        <>
          <ImportWizard jobId={jobId} state={state} onJob={openJob} />
          <RecentImports
            refreshKey={`${jobId ?? ''}:${state.job?.status ?? ''}`}
            currentId={jobId}
            onOpen={openJob}
          />
        </>
      ) : (
        <ExportPanel />
      ),
  }));

  return (
    <>
      <PageHead title={t('nav.importExport')} />
      <Tabs
        activeKey={tab}
        items={items}
        onChange={(key) => update({ tab: key === 'import' ? null : key })}
        destroyOnHidden={false}
      />
    </>
  );
}
