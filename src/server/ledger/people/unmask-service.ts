import { recordAudit } from '../../platform/audit/record.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { requirePermission } from '../../access/scope/scope.js';
import { unmaskablePerson } from './access.js';
import type { UnmaskBodyT, UnmaskViewT } from './contract.js';
import { scrubDigits } from './guards.js';
import { unseal } from './sealed.js';

/**
 * Shows a person's full ID number and/or mobile number to an actor holding person.unmask over the
 * person's region, for a stated reason. The audit record (`person.unmask`, with the fields and the
 * reason, digit runs in the reason blanked) is committed before anything is returned; the numbers
 * themselves never enter the audit trail or a log.
 */
export async function unmaskPerson(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: UnmaskBodyT,
): Promise<UnmaskViewT> {
  const actor = requirePermission(ctx, 'person.unmask');
  const row = await unmaskablePerson(deps.db, actor, id);
  const fields = [...new Set(body.fields)].sort();
  const now = deps.clock();
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, now, {
      action: 'person.unmask',
      objectType: 'person',
      objectId: id,
      permission: 'person.unmask',
      details: { fields, reason: scrubDigits(body.reason) },
    }),
  );
  const view: UnmaskViewT = { id };
  if (fields.includes('idNumber')) view.idNumber = unseal(deps.keys, row.idNumberEnc);
  if (fields.includes('mobile'))
    view.mobile = row.phoneEnc ? unseal(deps.keys, row.phoneEnc) : null;
  return view;
}
