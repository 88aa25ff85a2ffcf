import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { api, ApiError, type PortalRequest, requestNotice } from './api';
import { T } from './catalog';
import { type Errors, FormMessage, Steps } from './forms';
import { RequestNote } from './RequestNote';
import { navigate } from './router';
import { refreshSession } from './session';

/** What a step-by-step form of the portal saves, and how its fields map to the API's. */
export interface StepFormSpec<F, L> {
  /** GET reads the saved record (`{ [key]: record | null, requests }`), PUT saves the form. */
  path: string;
  key: string;
  /** Which requests (claims, change requests) of the GET answer speak of this record. */
  objectType: PortalRequest['objectType'];
  empty: F;
  fromSaved: (saved: L) => F;
  /** How many steps; the last one saves. */
  steps: number;
  /** The step each API field is on, so a server error takes the user back to it (else the last). */
  stepOf: Record<string, number>;
  /** The form field an API field's error is shown at, where the names differ. */
  fieldOf: Record<string, string>;
  /** The errors of a step, checked before going on. */
  check: (step: number, form: F, saved: L | null) => Errors;
  /** The request body of the form (the saved record's version is added). */
  body: (form: F) => Record<string, unknown>;
}

/**
 * A portal form filled step by step: loads what was saved before (401 goes to login), checks
 * each step before the next, saves on the last (PUT), then goes back to 我的 with the session
 * refreshed. A server error is shown at its field, on the earliest step it names.
 *
 * @example
 * const wizard = useStepForm({ path: '/api/portal/profile', key: 'profile', steps: 3, … });
 * <input value={wizard.form.name} onChange={(e) => wizard.set('name', e.target.value)} />
 */
export function useStepForm<F extends object, L extends { version: number }>(
  spec: StepFormSpec<F, L>,
) {
  const [saved, setSaved] = useState<L | null | undefined>(undefined);
  const [form, setForm] = useState<F>(spec.empty);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<PortalRequest | null>(null);
  const { path, key, fromSaved, objectType } = spec;

  useEffect(() => {
    api<Record<string, unknown> & { requests?: PortalRequest[] }>('GET', path)
      .then((r) => {
        const found = (r[key] as L | null | undefined) ?? null;
        setNotice(requestNotice(r.requests ?? [], objectType));
        setSaved(found);
        if (found) setForm(fromSaved(found));
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) navigate('/login');
        else setSaved(null);
      });
  }, [path, key, fromSaved, objectType]);

  // Editing a field clears its error; the input itself is never reset.
  const set = <K extends keyof F>(k: K, v: F[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  };

  const last = spec.steps - 1;
  const submit = async () => {
    setBusy(true);
    try {
      await api('PUT', path, {
        ...spec.body(form),
        ...(saved ? { version: saved.version } : {}),
      });
      await refreshSession();
      navigate('/me');
    } catch (err) {
      if (!(err instanceof ApiError)) return setErrors({ form: T.networkError });
      const byField = err.fieldErrors();
      const mapped: Errors = {};
      for (const [k, v] of Object.entries(byField)) mapped[spec.fieldOf[k] ?? k] = v;
      if (Object.keys(mapped).length === 0) mapped.form = err.message;
      setErrors(mapped);
      const steps = Object.keys(byField).map((k) => spec.stepOf[k] ?? last);
      if (steps.length > 0) setStep(Math.min(...steps));
    } finally {
      setBusy(false);
    }
  };

  const next = (e: FormEvent) => {
    e.preventDefault();
    const found = spec.check(step, form, saved ?? null);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    if (step < last) setStep(step + 1);
    else void submit();
  };

  return { saved, form, setForm, set, step, setStep, errors, busy, last, next, notice };
}

/** The page around a step-by-step form: title, step dots, the step's fields, back and next. */
export function StepForm({
  title,
  stepTitles,
  wizard,
  children,
}: {
  title: string;
  stepTitles: readonly string[];
  wizard: Pick<
    ReturnType<typeof useStepForm>,
    'step' | 'setStep' | 'last' | 'busy' | 'errors' | 'next' | 'notice'
  >;
  children: ReactNode;
}) {
  const { step, last, busy } = wizard;
  return (
    <section className="block wizard">
      <h1>{title}</h1>
      <RequestNote request={wizard.notice} />
      <Steps titles={stepTitles} at={step} />
      <form className="form" onSubmit={wizard.next} noValidate>
        {children}
        <FormMessage error={wizard.errors.form} />
        <div className="wizard-buttons">
          {step > 0 && (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => wizard.setStep(step - 1)}
            >
              {T.prev}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {step < last ? T.next : busy ? T.saving : T.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
