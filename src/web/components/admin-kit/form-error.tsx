import { Alert } from '@mantine/core';
import { isApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The API's refusal of a whole save (conflict, not allowed, not found), above the form's buttons.
 * Field errors belong next to their field (`fieldError`); this shows the message once for the rest.
 */
export function FormError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = isApiError(error) ? error.message : t('kit.saveFailed');
  return (
    <Alert color="red" variant="light" role="alert" title={t('kit.notSaved')}>
      {message}
    </Alert>
  );
}
