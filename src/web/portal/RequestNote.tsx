import type { PortalRequest } from './api';
import { T } from './catalog';

/** What an officer has yet to decide, or why they did not accept: one line above a card or form. */
export function RequestNote({ request }: { request: PortalRequest | null }) {
  if (!request) return null;
  if (request.state === 'pending') {
    return (
      <p className="note request-note" role="status">
        {request.kind === 'claim' ? T.claimPending : T.changePending}
      </p>
    );
  }
  return (
    <p className="note request-note rejected" role="status">
      {T.requestRejectedNote(request.reason ?? '')}
    </p>
  );
}

/** The card badge of a record that has a request waiting or refused. */
export function requestBadge(request: PortalRequest | null): string | null {
  if (!request) return null;
  return request.state === 'pending' ? T.requestPending : T.requestRejected;
}
