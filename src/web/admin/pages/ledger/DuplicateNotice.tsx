import { Alert } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api';
import { useT } from '../../i18n/i18n';

/**
 * The existing record behind a PERSON_DUPLICATE / ENTITY_DUPLICATE refusal. The server names it
 * (`details.existingId`) only when the actor may read it, so an out-of-scope duplicate stays a
 * bare refusal and its existence does not leak.
 */
export function duplicateOf(err: unknown): string | null {
  if (!(err instanceof ApiError)) return null;
  if (err.code !== 'PERSON_DUPLICATE' && err.code !== 'ENTITY_DUPLICATE') return null;
  const id = err.details.existingId;
  return typeof id === 'string' ? id : null;
}

/** "台账中已有…" with a link to the existing record, when the refusal named one. */
export function DuplicateNotice({ kind, id }: { kind: 'people' | 'entities'; id: string | null }) {
  const t = useT();
  if (!id) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t(kind === 'people' ? 'ledger.duplicate.person' : 'ledger.duplicate.entity')}
      action={
        <Link to={`/ledger/${kind}/${id}`} data-testid="duplicate-link">
          {t('ledger.duplicate.open')}
        </Link>
      }
    />
  );
}
