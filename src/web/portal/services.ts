import { SERVICE_TEXT } from './catalog';
import type { ServiceKey } from './catalog-zh';

/**
 * What the portal offers, in one list: each service says whether it works today (`available`,
 * with the page that is the way in) or is still to come (`soon`: one line of what it will do).
 * The landing page and 我的 both render this list, so when a module lands its entry gets a route
 * and its card becomes the way in everywhere. Names and descriptions are in the catalogs, by key.
 */
export interface Service {
  key: ServiceKey;
  icon: string;
  title: string;
  /** What it is, in one or two sentences. */
  text: string;
  available: boolean;
  /** The page that is the way in (available services only). */
  href?: string;
  /** For a service still to come: what it will let the person do once it opens. */
  soon?: string;
}

/** Each service's badge, whether it works today and its way in. */
const OFFERED: readonly { key: ServiceKey; icon: string; href?: string }[] = [
  { key: 'profile', icon: '人', href: '/profile' },
  { key: 'enterprise', icon: '企', href: '/enterprise' },
  { key: 'messages', icon: '信', href: '/me#messages' },
  { key: 'loans', icon: '贷', href: '/loans' },
  { key: 'subsidies', icon: '补' },
  { key: 'parks', icon: '园' },
  { key: 'training', icon: '训' },
  { key: 'policies', icon: '策' },
];

export const SERVICES: readonly Service[] = OFFERED.map((o) => ({
  ...o,
  ...SERVICE_TEXT[o.key],
  available: o.href !== undefined,
}));
