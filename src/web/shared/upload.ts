/**
 * A file sent as the raw request body with upload progress (fetch cannot report it, so this uses
 * XMLHttpRequest), with the session cookie, CSRF header and language of {@link api}. Used for case
 * materials by the console and the portal.
 */
import { ApiError, currentCsrfToken, withQuery } from './api';

export function uploadFile<T>(
  path: string,
  file: Blob,
  query: Record<string, string>,
  onProgress: (percent: number) => void,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', locale);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.floor((e.loaded * 100) / e.total));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(body as T);
        return;
      }
      const b = (body ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
      reject(
        new ApiError(xhr.status, {
          code: typeof b.code === 'string' ? b.code : `HTTP_${xhr.status}`,
          message: typeof b.message === 'string' ? b.message : `${xhr.status} ${xhr.statusText}`,
          details: (b.details as Record<string, unknown> | undefined) ?? {},
        }),
      );
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, {
          code: 'NETWORK',
          message: locale === 'en' ? 'Network error' : '网络连接失败，请检查网络后重试',
          details: {},
        }),
      );
    xhr.send(file);
  });
}
