import type { AppDeps } from '../../platform/http/types.js';
import type { SmsTransport } from '../../platform/sms/sms-transport.js';

/** What the portal's services need: the application's dependencies and the SMS transport. */
export interface PortalDeps extends AppDeps {
  sms: SmsTransport;
}
