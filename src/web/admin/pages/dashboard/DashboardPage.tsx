import { PlaceholderPage } from '../PlaceholderPage';

export function DashboardPage() {
  return <PlaceholderPage titleKey="nav.dashboard" />;
}
