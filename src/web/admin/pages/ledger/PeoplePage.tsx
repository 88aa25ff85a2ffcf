import { PlaceholderPage } from '../PlaceholderPage';

export function PeoplePage() {
  return <PlaceholderPage titleKey="nav.people" />;
}
