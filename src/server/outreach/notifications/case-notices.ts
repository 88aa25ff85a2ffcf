import { caseType } from '../../../domain/cases/case-types.js';
import type { Executor } from '../../platform/db/client.js';
import type { CaseNotice, NotifyHook } from '../../programme/cases/hooks.js';
import { findCase } from '../../programme/cases/repo.js';
import { notificationWrite } from './notify.js';
import type { Recipient } from './repo.js';

/**
 * The case engine's notify hook, wired to the notifications service: a step's organisation, the
 * officers holding `case.work` over a region-owned step (the most local ones), named users, or
 * the applicant's portal account (person or enterprise of the file). Written in the transition's
 * own transaction (the hook answers the write; the engine sends it with its own), with the case
 * type's and state's names as parameters and a link to the file.
 */
/** The portal page of each case type's files, where the applicant follows them. */
const PORTAL_PAGES: Record<string, string> = { 'guarantee-loan': '/loans' };

export function caseNotifier(clock: () => Date): NotifyHook {
  return async (tx: Executor, n: CaseNotice) => {
    const c = n.subject ?? (await findCase(tx, n.caseId));
    if (!c) return null;
    const type = caseType(c.type);
    const stateCode = typeof n.params['state'] === 'string' ? n.params['state'] : c.state;
    const state = type?.states[stateCode];
    const params = {
      ...n.params,
      typeName: type?.zh ?? c.type,
      typeNameEn: type?.en ?? c.type,
      stateName: state?.zh ?? stateCode,
      stateNameEn: state?.en ?? stateCode,
    };
    let to: Recipient[];
    let link = `/cases/${c.id}`;
    if ('orgId' in n) to = [{ orgId: n.orgId }];
    else if ('regionCode' in n) {
      to = [{ officersOf: { regionCode: n.regionCode, permission: 'case.work' } }];
    } else if ('userIds' in n) to = n.userIds.map((userId) => ({ userId }));
    else {
      to = [{ accountsOf: { personId: c.subjectPersonId, entityId: c.subjectEntityId } }];
      // On the portal, the applicant's file itself (its page shows the step and the reason).
      link = PORTAL_PAGES[c.type] ? `${PORTAL_PAGES[c.type]}/${c.id}` : '/me';
    }
    return notificationWrite({
      kind: n.kind,
      to,
      params,
      link,
      subject: { type: 'case', id: c.id },
      at: clock(),
    });
  };
}
