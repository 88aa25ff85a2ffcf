import { useEffect, useState } from 'react';
import { api, ApiError, type Home, requestNotice } from './api';
import { ENTITY_TYPE_NAMES, LOCALE, STATUS_NAMES, T } from './catalog';
import { RequestNote, requestBadge } from './RequestNote';
import { Link, navigate } from './router';
import { ServiceCards } from './ServiceCards';
import { SERVICES } from './services';
import { setSession } from './session';

const when = (iso: string) =>
  new Date(iso).toLocaleString(LOCALE, { dateStyle: 'short', timeStyle: 'short', hour12: false });

/** 我的: the account, the profile and enterprise at a glance (masked), and the messages. */
export function HomePage() {
  const [home, setHome] = useState<Home | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api<Home>('GET', '/api/portal/home')
      .then(setHome)
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) navigate('/login');
        else setError(e instanceof Error ? e.message : T.networkError);
      });
  }, []);

  const logout = async () => {
    await api('POST', '/api/portal/logout').catch(() => undefined);
    setSession(null);
    navigate('/');
  };

  useEffect(() => {
    if (home && window.location.hash === '#messages') {
      document.getElementById('messages')?.scrollIntoView();
    }
  }, [home]);

  const readAll = async () => {
    await api('POST', '/api/portal/notifications/read-all').catch(() => undefined);
    setHome((h) => (h ? { ...h, messages: h.messages.map((m) => ({ ...m, read: true })) } : h));
  };

  if (!home) return <p className="block">{error || T.loading}</p>;
  const unread = home.messages.filter((m) => !m.read).length;
  const p = home.profile;
  const e = home.enterprise;
  const pr = requestNotice(home.requests, 'person');
  const er = requestNotice(home.requests, 'entity');
  // A claim still waiting: nothing to fill in again until the officer decides.
  const claimWaits = (r: typeof pr) => r?.state === 'pending' && r.kind === 'claim';
  return (
    <section className="block me">
      <h1>{T.homeTitle}</h1>
      <p className="me-mobile">{home.mobileMasked}</p>

      <div className="card">
        <div className="card-head">
          <h2>{T.profileCard}</h2>
          <span className={p && !pr ? 'badge ok' : 'badge'}>
            {requestBadge(pr) ?? (p ? T.filled : T.notFilled)}
          </span>
        </div>
        <RequestNote request={pr} />
        {p ? (
          <dl>
            <dt>{T.name}</dt>
            <dd>{p.name}</dd>
            <dt>{T.idNumber}</dt>
            <dd className="mono">{p.idNumberMasked}</dd>
            <dt>{T.status}</dt>
            <dd>{STATUS_NAMES[p.status as keyof typeof STATUS_NAMES] ?? p.status}</dd>
          </dl>
        ) : null}
        {claimWaits(pr) ? null : (
          <Link
            href="/profile"
            className={p ? 'btn btn-ghost btn-block' : 'btn btn-primary btn-block'}
          >
            {p ? T.editProfile : T.fillProfile}
          </Link>
        )}
      </div>

      <div className="card">
        <div className="card-head">
          <h2>{T.enterpriseCard}</h2>
          <span className={e && !er ? 'badge ok' : 'badge'}>
            {requestBadge(er) ?? (e ? T.filled : T.notFilled)}
          </span>
        </div>
        <RequestNote request={er} />
        {e ? (
          <dl>
            <dt>{T.entityName}</dt>
            <dd>{e.name}</dd>
            <dt>{T.creditCode}</dt>
            <dd className="mono">{e.creditCode}</dd>
            <dt>{T.entityType}</dt>
            <dd>{ENTITY_TYPE_NAMES[e.type as keyof typeof ENTITY_TYPE_NAMES] ?? e.type}</dd>
          </dl>
        ) : null}
        {claimWaits(er) ? null : p ? (
          <Link
            href="/enterprise"
            className={e ? 'btn btn-ghost btn-block' : 'btn btn-primary btn-block'}
          >
            {e ? T.editEnterprise : T.fillEnterprise}
          </Link>
        ) : (
          <p className="note">{T.needProfileFirst}</p>
        )}
      </div>

      <div className="card" id="messages">
        <div className="card-head">
          <h2>
            {T.messages}
            {unread > 0 && <span className="badge unread">{T.unread(unread)}</span>}
          </h2>
          {unread > 0 && (
            <button type="button" className="btn-link" onClick={() => void readAll()}>
              {T.readAll}
            </button>
          )}
        </div>
        {home.messages.length === 0 ? (
          <p className="note">{T.noMessages}</p>
        ) : (
          <ul className="messages">
            {home.messages.map((m) => (
              <li key={m.id} className={m.read ? 'read' : 'unread'}>
                <div className="msg-title">
                  {m.title}
                  <time>{when(m.createdAt)}</time>
                </div>
                <p>{m.body}</p>
              </li>
            ))}
          </ul>
        )}
      </div>

      <section className="more-services">
        <h2>{T.moreServices}</h2>
        <p className="note">{T.moreServicesNote}</p>
        <ServiceCards services={SERVICES.filter((s) => !s.available)} />
      </section>

      <button type="button" className="btn btn-ghost btn-block" onClick={() => void logout()}>
        {T.logout}
      </button>
    </section>
  );
}
