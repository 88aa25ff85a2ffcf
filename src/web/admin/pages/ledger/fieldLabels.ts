import { useCallback } from 'react';
import { type MessageKey, useT } from '../../i18n/i18n';
import { ledgerZhCN } from '../../i18n/ledger.zh-CN';

export type RecordKind = 'person' | 'entity';

/** A record field's name (`lp.status` 人员状态, `le.jobsCreated` 带动就业人数); unknown fields as is. */
export function useFieldLabel(): (kind: RecordKind, field: string) => string {
  const t = useT();
  return useCallback(
    (kind, field) => {
      const key = `${kind === 'person' ? 'lp' : 'le'}.${field}`;
      return Object.hasOwn(ledgerZhCN, key) ? t(key as MessageKey) : field;
    },
    [t],
  );
}
