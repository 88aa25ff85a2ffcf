import { T } from './catalog';
import { Link } from './router';
import { type Service, SERVICES } from './services';

/**
 * The portal's services as cards: a service that works today is a link (the whole card), one
 * still to come is plain text marked 即将开通 with what it will do — never something that looks
 * tappable and does nothing.
 */
export function ServiceCards({ services = SERVICES }: { services?: readonly Service[] }) {
  return (
    <ul className="offers">
      {services.map((s) => (
        <li key={s.key} className={s.available ? 'offer-item' : 'offer-item soon'}>
          {s.available && s.href ? (
            <Link href={s.href} className="offer offer-link" data-service={s.key}>
              <OfferBody service={s} />
              <span className="offer-go" aria-hidden="true">
                ›
              </span>
            </Link>
          ) : (
            <div className="offer offer-soon" data-service={s.key}>
              <OfferBody service={s} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function OfferBody({ service: s }: { service: Service }) {
  return (
    <>
      <span className="offer-icon" aria-hidden="true">
        {s.icon}
      </span>
      <div>
        <h3>
          {s.title}
          {!s.available && <span className="soon-tag">{T.soon}</span>}
        </h3>
        <p>{s.text}</p>
        {s.soon && <p className="soon-text">{s.soon}</p>}
      </div>
    </>
  );
}
