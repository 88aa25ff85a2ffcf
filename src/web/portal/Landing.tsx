import { T } from './catalog';
import { Link } from './router';
import { ServiceCards } from './ServiceCards';
import { useSession } from './session';

/** The landing page: what the programme offers and how to start. */
export function Landing() {
  const session = useSession();
  return (
    <>
      <section className="hero">
        <h1>{T.heroTitle}</h1>
        <p>{T.heroText}</p>
        {session ? (
          <div className="cta signed-in">
            <p className="welcome">{T.welcomeBack(session.mobileMasked)}</p>
            <Link href="/me" className="btn btn-primary">
              {T.enterMe}
            </Link>
          </div>
        ) : session === null ? (
          <div className="cta">
            <Link href="/register" className="btn btn-primary">
              {T.register}
            </Link>
            <Link href="/login" className="btn btn-ghost">
              {T.loginExisting}
            </Link>
          </div>
        ) : (
          <div className="cta" aria-busy="true" />
        )}
      </section>

      <section className="block">
        <h2>{T.whatTitle}</h2>
        <p className="note">{T.whatNote}</p>
        <ServiceCards />
      </section>

      <section className="block">
        <h2>{T.stepsTitle}</h2>
        <ol className="steps">
          {T.startSteps.map((s, i) => (
            <li key={s}>
              <span className="step-no">{i + 1}</span>
              {s}
            </li>
          ))}
        </ol>
      </section>

      <section className="block">
        <h2>{T.whoTitle}</h2>
        <p className="groups">
          {T.groups.map((g) => (
            <span key={g} className="chip">
              {g}
            </span>
          ))}
        </p>
        <p className="note">{T.whoNote}</p>
        {session ? (
          <Link href="/me" className="btn btn-primary btn-block">
            {T.enterMe}
          </Link>
        ) : (
          <Link href="/register" className="btn btn-primary btn-block">
            {T.registerNow}
          </Link>
        )}
      </section>
    </>
  );
}
