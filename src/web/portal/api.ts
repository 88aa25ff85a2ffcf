import { LOCALE, T } from './catalog';

/**
 * The portal's API client: JSON over fetch, the session's CSRF token on state-changing requests,
 * and the server's coded errors with their messages in the portal's language, by field where the
 * server names one.
 */

let csrfToken = '';

export function setCsrf(token: string): void {
  csrfToken = token;
}

/** The session's CSRF token, for requests not sent through {@link api} (file uploads). */
export function currentCsrf(): string {
  return csrfToken;
}

interface Issue {
  path: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }

  /** Messages by field name (`idNumber`, `mobile` …); the form shows each next to its field. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const issues = Array.isArray(this.details.issues) ? (this.details.issues as Issue[]) : [];
    for (const i of issues) {
      const field = i.path.replace(/^body\./, '').split('.')[0] ?? '';
      out[field] ??= i.message;
    }
    const named = typeof this.details.field === 'string' ? this.details.field : undefined;
    const field = named?.replace(/^body\./, '') ?? FIELD_OF_CODE[this.code];
    if (field && issues.length === 0) out[field] = this.message;
    return out;
  }
}

/** Errors that concern one field although the server does not name it. */
const FIELD_OF_CODE: Record<string, string> = {
  SMS_CODE_INVALID: 'code',
  SMS_CODE_EXPIRED: 'code',
  SMS_RATE_LIMITED: 'mobile',
  PASSWORD_POLICY: 'password',
  ENTITY_DUPLICATE: 'creditCode',
};

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': LOCALE };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', T.networkError, {});
  }
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      typeof data.code === 'string' ? data.code : 'INTERNAL',
      typeof data.message === 'string' ? data.message : T.networkError,
      (data.details as Record<string, unknown> | undefined) ?? {},
    );
  }
  return data as T;
}

// Answers of the portal API, as the pages use them.

export interface PortalSession {
  accountId: string;
  mobileMasked: string;
  csrfToken: string;
  hasProfile: boolean;
  hasEnterprise: boolean;
}

export interface RegionRef {
  code: string;
  pathName: string;
}

export interface Profile {
  personId: string;
  name: string;
  idNumberMasked: string;
  sex: string;
  birthDate: string;
  hukouRegion: RegionRef | null;
  currentRegion: RegionRef | null;
  categories: string[];
  status: string;
  awayProvinceCode: string | null;
  awayCityCode: string | null;
  monthsAway: number | null;
  returnDate: string | null;
  education: string | null;
  skills: string;
  version: number;
}

export interface Enterprise {
  entityId: string;
  name: string;
  creditCode: string;
  creditCodeChecksumValid: boolean;
  type: string;
  industryCode: string | null;
  region: RegionRef | null;
  foundedOn: string | null;
  employees: number;
  jobsCreated: number;
  roles: string[];
  version: number;
}

/** A claim on a ledger record or a change request, waiting for or decided by an officer. */
export interface PortalRequest {
  id: string;
  objectType: 'person' | 'entity';
  kind: 'claim' | 'change';
  state: 'pending' | 'accepted' | 'rejected' | 'superseded';
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** The newest request about a kind of record, if it still says something (pending or rejected). */
export function requestNotice(
  requests: readonly PortalRequest[],
  objectType: PortalRequest['objectType'],
): PortalRequest | null {
  const newest = requests
    .filter((r) => r.objectType === objectType && r.state !== 'superseded')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return newest && (newest.state === 'pending' || newest.state === 'rejected') ? newest : null;
}

export interface Home {
  mobileMasked: string;
  profile: { name: string; idNumberMasked: string; status: string; updatedAt: string } | null;
  enterprise: { name: string; creditCode: string; type: string; updatedAt: string } | null;
  messages: {
    id: string;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    createdAt: string;
    read: boolean;
  }[];
  requests: PortalRequest[];
}

export interface Region {
  code: string;
  name: string;
  level: string;
  hasChildren: boolean;
}
