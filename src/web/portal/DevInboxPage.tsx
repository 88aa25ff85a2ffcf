import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api';
import { T } from './catalog';

interface Message {
  id: number;
  mobileMasked: string;
  text: string;
  sentAt: string;
}

/** The dev SMS inbox: what the built-in log transport "sent" (development and demo only). */
export function DevInboxPage() {
  const [messages, setMessages] = useState<Message[] | null | undefined>(undefined);
  const load = useCallback(() => {
    api<{ messages: Message[] }>('GET', '/api/portal/dev/sms')
      .then((r) => setMessages(r.messages))
      .catch((e: unknown) => setMessages(e instanceof ApiError && e.status === 404 ? null : []));
  }, []);
  useEffect(load, [load]);

  return (
    <section className="block inbox">
      <h1>{T.devInbox}</h1>
      <p className="note">{T.devInboxNote}</p>
      {messages === undefined && <p>{T.loading}</p>}
      {messages === null && <p className="notice">{T.devInboxOff}</p>}
      {messages?.length === 0 && <p className="note">{T.devInboxEmpty}</p>}
      {messages && messages.length > 0 && (
        <ul className="messages">
          {messages.map((m) => (
            <li key={m.id}>
              <div className="msg-title">
                {m.mobileMasked}
                <time>{new Date(m.sentAt).toLocaleTimeString('zh-CN', { hour12: false })}</time>
              </div>
              <p>{m.text}</p>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn-ghost btn-block" onClick={load}>
        {T.refresh}
      </button>
    </section>
  );
}
