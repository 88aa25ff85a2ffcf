import { PlaceholderPage } from '../PlaceholderPage';

export function TargetsPage() {
  return <PlaceholderPage titleKey="nav.targets" />;
}
