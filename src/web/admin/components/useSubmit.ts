import { useState } from 'react';

/**
 * A form's save: `busy` while it runs, and the error it failed with, unless `handled` placed it
 * on the form's fields (it answers true then).
 *
 * @example
 * const save = useSubmit(async (v: Values) => onSaved(await api('/api/x', { method: 'POST', body: v })));
 * <Modal confirmLoading={save.busy} … ><ErrorAlert error={save.error} />
 */
export function useSubmit<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
  handled?: (err: unknown) => boolean,
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
    } catch (err) {
      if (!handled?.(err)) setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
