import { App } from 'antd';
import { useCallback } from 'react';
import { useT } from '../../i18n/i18n';

/** How long a hidden download frame is kept before it is removed. */
const FRAME_LIFETIME_MS = 5 * 60_000;

/** The API's `{ code, message }` in a frame that loaded an error instead of a download. */
function refusal(frame: HTMLIFrameElement): string | null {
  try {
    const text = frame.contentDocument?.body?.textContent?.trim() ?? '';
    if (!text.startsWith('{')) return null;
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    return typeof body.code === 'string' && typeof body.message === 'string' ? body.message : null;
  } catch {
    return null;
  }
}

/**
 * Downloads a file through a hidden frame, so the browser streams it to disk (never into the
 * page's memory). A file download leaves the frame empty; when the API refuses, the frame loads
 * its `{ code, message }` instead and the message is shown.
 *
 * @example
 * const download = useDownload();
 * download('/api/ledger/exports/people.xlsx?region=500236000000');
 */
export function useDownload(): (url: string) => void {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (url: string) => {
      const frame = document.createElement('iframe');
      frame.hidden = true;
      frame.setAttribute('aria-hidden', 'true');
      frame.dataset.download = url;
      const remove = () => frame.remove();
      frame.addEventListener('load', () => {
        const text = refusal(frame);
        if (text) {
          void message.error(text);
          remove();
        }
      });
      frame.src = url;
      document.body.append(frame);
      void message.info(t('io.downloadStarted'));
      window.setTimeout(remove, FRAME_LIFETIME_MS);
    },
    [message, t],
  );
}
