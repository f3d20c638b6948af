import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormError } from './form-error.tsx';

/**
 * The frame of an admin form: its fields, then the refusal that names no field, then Save and,
 * once saved, "Saved." announced to screen readers. `save` is the form's mutation.
 */
export function AdminForm({
  save,
  formError,
  children,
}: {
  save: { mutate: () => void; isPending: boolean; isSuccess: boolean };
  formError: unknown;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          {children}
          <FormError error={formError} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('kit.save')}
            </Button>
            {save.isSuccess && <Text role="status">{t('kit.saved')}</Text>}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
