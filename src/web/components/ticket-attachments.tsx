import { Anchor, Group, Image, Modal, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { notifications } from '@mantine/notifications';
import { IconFile, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PublishLevel } from '../../shared/access-vocabulary.ts';
import { api } from '../api/client.ts';
import type { Attachment, Page, Ticket } from '../api/contract.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DeleteButton } from './delete-button.tsx';
import { PublishLevelBadge, PublishLevelSelect } from './publish-level.tsx';

const previewable = (type: string) => type.startsWith('image/') || type === 'application/pdf';

export function TicketAttachments({ ticket, isPhone }: { ticket: Ticket; isPhone: boolean }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [publishLevel, setPublishLevel] = useState<PublishLevel | null>(null);
  const [preview, setPreview] = useState<Attachment | null>(null);
  const attachments = useQuery({
    queryKey: queryKeys.ticket(ticket.id).attachments,
    queryFn: () => api.get<Page<Attachment>>(`/api/v1/tickets/${ticket.id}/attachments`, { limit: 200 }),
  });
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      for (const file of files) {
        const form = new FormData();
        if (publishLevel) form.append('publishLevel', publishLevel);
        form.append('file', file, file.name);
        await api.upload<Attachment>(`/api/v1/tickets/${ticket.id}/attachments`, form);
        notifications.show({ color: 'green', message: t('attachments.uploaded', { name: file.name }) });
      }
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticket.id).all }),
  });
  const items = attachments.data?.items ?? [];

  return (
    <Stack>
      <PublishLevelSelect
        label={t('notes.publishLevel')}
        placeholder={t('attachments.publishLevelPlaceholder')}
        required
        value={publishLevel}
        onChange={setPublishLevel}
      />
      <Dropzone
        onDrop={(files) => upload.mutate(files)}
        loading={upload.isPending}
        disabled={!publishLevel}
        aria-label={t('attachments.drop')}
      >
        <Group justify="center" gap="sm" mih={isPhone ? 60 : 100} style={{ pointerEvents: 'none' }}>
          <IconUpload size={28} aria-hidden />
          <Text size="sm">{publishLevel ? t('attachments.drop') : t('attachments.publishLevelMissing')}</Text>
        </Group>
      </Dropzone>
      {attachments.isSuccess && items.length === 0 && <Text c="dimmed">{t('attachments.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {items.map((attachment) => (
          <Paper key={attachment.id} withBorder p="sm">
            <Group wrap="nowrap" align="flex-start">
              {attachment.contentType.startsWith('image/') ? (
                <UnstyledButton
                  onClick={() => setPreview(attachment)}
                  aria-label={t('attachments.preview', { name: attachment.fileName })}
                >
                  <Image src={attachment.downloadUrl} w={64} h={64} fit="cover" radius="sm" alt="" />
                </UnstyledButton>
              ) : (
                <IconFile size={40} aria-hidden />
              )}
              <Stack gap={2} style={{ minWidth: 0 }}>
                {previewable(attachment.contentType) ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => setPreview(attachment)}
                    style={{ overflowWrap: 'anywhere', textAlign: 'left' }}
                  >
                    {attachment.fileName}
                  </Anchor>
                ) : (
                  <Anchor href={attachment.downloadUrl} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {attachment.fileName}
                  </Anchor>
                )}
                <Text size="xs" c="dimmed">
                  {formatNumber(attachment.sizeBytes / 1024, 1)} KB · {formatDateTime(attachment.createdAt)}
                </Text>
                <Group gap={4}>
                  <PublishLevelBadge level={attachment.publishLevel} label={attachment.publishLevelLabel} />
                  {attachment.abilities.delete && (
                    <DeleteButton
                      url={`/api/v1/attachments/${attachment.id}`}
                      label={t('attachments.delete', { name: attachment.fileName })}
                      ticketId={ticket.id}
                    />
                  )}
                </Group>
              </Stack>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
      <Modal opened={preview !== null} onClose={() => setPreview(null)} title={preview?.fileName} size="xl">
        {preview?.contentType.startsWith('image/') && (
          <Image src={preview.downloadUrl} alt={preview.fileName} fit="contain" mah="70vh" />
        )}
        {preview?.contentType === 'application/pdf' && (
          <iframe
            src={preview.downloadUrl}
            title={t('attachments.preview', { name: preview.fileName })}
            style={{ width: '100%', height: '70vh', border: 0 }}
          />
        )}
        {preview && (
          <Anchor href={preview.downloadUrl} download={preview.fileName} mt="sm" display="block">
            {t('attachments.download')}
          </Anchor>
        )}
      </Modal>
    </Stack>
  );
}
