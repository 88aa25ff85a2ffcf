import {
  ApiError,
  type ApiErrorBody,
  currentCsrfToken,
  reloginIfSessionLost,
  withQuery,
} from '../../../shared/api';
import type { UiLocale } from '../../../shared/locale';
import type { Accepted, LedgerKind } from './types';

/** The largest file the server accepts (IMPORT_MAX_BYTES). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Extensions the import reads. */
export const UPLOAD_EXTENSIONS = ['.xlsx', '.csv'];

export interface UploadOptions {
  kind: LedgerKind;
  file: File;
  locale: UiLocale;
  onProgress: (percent: number) => void;
}

function errorBody(xhr: XMLHttpRequest): ApiErrorBody {
  try {
    const body = JSON.parse(xhr.responseText) as Partial<ApiErrorBody>;
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      return { code: body.code, message: body.message, details: body.details ?? {} };
    }
  } catch {
    // Not JSON: a proxy answered.
  }
  return { code: `HTTP_${xhr.status}`, message: `${xhr.status} ${xhr.statusText}`, details: {} };
}

/**
 * Sends a file as the raw body of POST /api/ledger/imports, as the route expects (any content
 * type; `application/octet-stream` keeps Fastify's JSON and text parsers off it), with the
 * session's CSRF header. XMLHttpRequest rather than fetch for the upload's progress.
 */
function sendFile(
  xhr: XMLHttpRequest,
  opts: UploadOptions,
  networkMessage: string,
): Promise<Accepted> {
  return new Promise<Accepted>((resolve, reject) => {
    const url = withQuery('/api/ledger/imports', {
      kind: opts.kind,
      fileName: opts.file.name.slice(0, 200),
    });
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', opts.locale === 'en' ? 'en' : 'zh-CN');
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress((e.loaded / e.total) * 100);
    };
    xhr.onload = () => {
      if (xhr.status === 202) resolve(JSON.parse(xhr.responseText) as Accepted);
      else reject(new ApiError(xhr.status, errorBody(xhr)));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, { code: 'NETWORK', message: networkMessage, details: {} }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.send(opts.file);
  });
}

/**
 * Uploads a file for import. When the session has expired meanwhile, the re-login dialog opens
 * over the wizard (as for every other request) and the file is sent again once the user is back.
 */
export function uploadImport(
  opts: UploadOptions,
  networkMessage: string,
): { done: Promise<Accepted>; abort: () => void } {
  let xhr = new XMLHttpRequest();
  let aborted = false;
  const done = sendFile(xhr, opts, networkMessage).catch(async (e: unknown) => {
    if (aborted || !(e instanceof ApiError) || !(await reloginIfSessionLost(e))) throw e;
    opts.onProgress(0);
    xhr = new XMLHttpRequest();
    return sendFile(xhr, opts, networkMessage);
  });
  return {
    done,
    abort: () => {
      aborted = true;
      xhr.abort();
    },
  };
}

/** What is wrong with a chosen file before it is sent, as a message key; null when fine. */
export function fileProblem(
  file: File,
): 'io.file.type' | 'io.file.xls' | 'io.file.empty' | 'io.file.tooLarge' | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls')) return 'io.file.xls';
  if (!UPLOAD_EXTENSIONS.some((ext) => name.endsWith(ext))) return 'io.file.type';
  if (file.size === 0) return 'io.file.empty';
  if (file.size > MAX_UPLOAD_BYTES) return 'io.file.tooLarge';
  return null;
}
