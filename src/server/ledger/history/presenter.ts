import type { TimelineNames } from './actors.js';
import type { HistoryActorViewT, HistoryEntryViewT } from './contract.js';
import type { HistoryRow } from './repo.js';

/** A person's name as a timeline shows an entrepreneur: the surname, the rest masked (孙**). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** What `system:<source>` actors are called. */
const SYSTEM_SOURCES: Record<string, { zh: string; en: string }> = {
  demo: { zh: '演示数据', en: 'demo data' },
};

/**
 * Who made a change, by name and role rather than login: a user as 张三（县级服务专员）, a portal
 * account as 创业者 孙** (its ledger name masked, else its masked mobile), `system:demo` as
 * 系统（演示数据）. A login the lookups do not know is shown as written.
 */
export function presentActor(row: HistoryRow, names: TimelineNames): HistoryActorViewT {
  const user = row.actorId ? names.users.get(row.actorId) : undefined;
  if (user) {
    const zh = user.rolesZh.join('、');
    const en = user.rolesEn.join(', ');
    return {
      kind: 'user',
      label: zh ? `${user.displayName}（${zh}）` : user.displayName,
      labelEn: en ? `${user.displayName} (${en})` : user.displayName,
    };
  }
  const account = row.actorId ? names.portal.get(row.actorId) : undefined;
  if (account) {
    const who = account.personName ? maskName(account.personName) : account.mobileMask;
    return { kind: 'entrepreneur', label: `创业者 ${who}`, labelEn: `Entrepreneur ${who}` };
  }
  const login = row.actorLogin;
  if (login === null || login.startsWith('system:')) {
    const source = login?.slice('system:'.length) ?? '';
    const s = SYSTEM_SOURCES[source] ?? (source ? { zh: source, en: source } : null);
    return s
      ? { kind: 'system', label: `系统（${s.zh}）`, labelEn: `System (${s.en})` }
      : { kind: 'system', label: '系统', labelEn: 'System' };
  }
  return { kind: 'user', label: login, labelEn: login };
}

/** A change's value with the linked enterprise's name added (`entities` changes). */
function withEntityName(field: string, v: unknown, names: TimelineNames): unknown {
  if (field !== 'entities' || v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const id = (v as { entityId?: unknown }).entityId;
  const name = typeof id === 'string' ? names.entities.get(id.toLowerCase()) : undefined;
  return name === undefined ? v : { ...v, entityName: name };
}

/** A history row as the timeline shows it, field by field. */
export function presentHistoryEntry(row: HistoryRow, names: TimelineNames): HistoryEntryViewT {
  return {
    id: row.id,
    objectType: row.objectType === 'entity' ? 'entity' : 'person',
    objectId: row.objectId,
    at: row.at.toISOString(),
    actorLogin: row.actorLogin,
    actor: presentActor(row, names),
    action: row.action,
    changes: row.changes.map((c) => ({
      field: c.field,
      from: withEntityName(c.field, c.from, names),
      to: withEntityName(c.field, c.to, names),
    })),
    context: row.context,
  };
}
