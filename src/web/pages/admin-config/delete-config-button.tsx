import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * Delete with a question first; the API's refusal (still in use, a category default, a system row)
 * is shown in the dialog in its own words, and nothing is removed.
 */
export function DeleteConfigButton({
  path,
  name,
  onDeleted,
  named = false,
}: {
  /** The row's API path, e.g. /api/v1/ticket-statuses/7. */
  path: string;
  name: string;
  onDeleted: () => Promise<void> | void;
  /** In a list of rows: the button says which one ("Delete Heating"), not just "Delete". */
  named?: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete(path),
    onSuccess: async () => {
      setOpen(false);
      await onDeleted();
    },
  });
  return (
    <>
      <Button variant="outline" color="red.9" onClick={() => setOpen(true)}>
        {named ? t('config.deleteNamed', { name }) : t('config.delete')}
      </Button>
      <Modal
        opened={open}
        onClose={() => {
          setOpen(false);
          remove.reset();
        }}
        title={t('config.delete.title', { name })}
      >
        <Stack>
          <Text>{t('config.delete.question', { name })}</Text>
          {remove.isError && (
            <Alert color="red" role="alert" title={t('config.delete.refused')}>
              {isApiError(remove.error) ? remove.error.message : t('kit.saveFailed')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('config.cancel')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('config.delete.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
