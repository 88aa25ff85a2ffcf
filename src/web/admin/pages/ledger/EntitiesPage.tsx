import { PlaceholderPage } from '../PlaceholderPage';

export function EntitiesPage() {
  return <PlaceholderPage titleKey="nav.entities" />;
}
