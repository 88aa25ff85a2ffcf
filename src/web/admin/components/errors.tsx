import { Alert, App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../../shared/api';
import { type Translate, useT } from '../i18n/i18n';

/** The message to show for a failure: the API's own (zh-CN or en) text, else a generic one. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.message;
  return t('error.unexpected');
}

/** An inline error for forms and panels; nothing when there is no error. */
export function ErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorText(error, t)}
      style={{ marginBottom: 16 }}
    />
  );
}

/** A toast for failures of actions that have no form (buttons in tables). */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  const t = useT();
  return useCallback((error: unknown) => void message.error(errorText(error, t)), [message, t]);
}

/**
 * Puts the field problems of a VALIDATION answer on the form's fields (`body.login` → `login`).
 * Returns true when at least one field got its message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return false;
  const fields = error.issues
    .map((issue) => ({
      name: issue.path.replace(/^body\./, '').split('.'),
      errors: [issue.message],
    }))
    .filter((f) => f.name[0] && form.getFieldInstance(f.name) !== undefined);
  form.setFields(fields);
  return fields.length > 0;
}
