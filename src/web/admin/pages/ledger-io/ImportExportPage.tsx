import { PlaceholderPage } from '../PlaceholderPage';

export function ImportExportPage() {
  return <PlaceholderPage titleKey="nav.importExport" />;
}
