import {
  Alert,
  Button,
  ColorSwatch,
  FileButton,
  Group,
  Image,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { brandingQuery, useBranding } from '../../api/branding.ts';
import { api } from '../../api/client.ts';
import type { Branding, BrandingPatchBody } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { brandColors, type BrandColor } from '../../../shared/access-vocabulary.ts';
import { NotFoundPage } from '../not-found.tsx';

const logoTypes = ['image/png', 'image/jpeg', 'image/webp'];

/** The file's bytes as base64, for the JSON body the API takes. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The MSP's name, colour and logo (#14): what the sign-in page, the portal and the app show. The
 * colours are the ones that keep text readable (WCAG AA), so no choice here breaks a screen.
 */
export function BrandingPage() {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const branding = useBranding();
  const [name, setName] = useState<string | null>(null);
  const [color, setColor] = useState<BrandColor | null>(null);
  const save = useMutation({
    mutationFn: (patch: BrandingPatchBody) => api.patch<Branding>('/api/v1/branding', patch),
    onSuccess: (saved) => {
      queryClient.setQueryData(brandingQuery.queryKey, saved);
      setName(null);
      setColor(null);
      notifications.show({ color: 'green', message: t('branding.saved') });
    },
  });
  if (!me.isAdmin) return <NotFoundPage />;
  const shownName = name ?? branding.name;
  const shownColor = color ?? branding.accentColor;

  const uploadLogo = async (file: File | null) => {
    if (!file) return;
    if (!logoTypes.includes(file.type) || file.size > 256 * 1024) {
      notifications.show({ color: 'red', message: t('branding.logoRules') });
      return;
    }
    save.mutate({ logo: { contentType: file.type as 'image/png', base64: await base64Of(file) } });
  };

  return (
    <Stack maw={720}>
      <div>
        <Title order={1} size="h2">
          {t('branding.title')}
        </Title>
        <Text c="dimmed">{t('branding.intro')}</Text>
      </div>
      {save.isError && (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      )}
      <Paper withBorder p="lg">
        <form
          aria-label={t('branding.title')}
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({
              ...(name !== null ? { name: name.trim() } : {}),
              ...(color !== null ? { accentColor: color } : {}),
            });
          }}
        >
          <Stack>
            <TextInput
              label={t('branding.name')}
              description={t('branding.nameHint')}
              required
              maxLength={60}
              value={shownName}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <Radio.Group label={t('branding.color')} value={shownColor} onChange={(value) => setColor(value)}>
              <Group mt="xs" gap="md">
                {brandColors.map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={
                      <Group gap={6} wrap="nowrap">
                        <ColorSwatch color={`var(--mantine-color-${value}-8)`} size={18} aria-hidden />
                        {t(`branding.colors.${value}`)}
                      </Group>
                    }
                  />
                ))}
              </Group>
            </Radio.Group>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={name === null && color === null}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('branding.save')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="lg">
        <Stack>
          <Title order={2} size="h4">
            {t('branding.logo')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('branding.logoRules')}
          </Text>
          {branding.logoUrl ? (
            <Image src={branding.logoUrl} alt={t('branding.logoAlt')} h={48} w="auto" fit="contain" />
          ) : (
            <Text size="sm">{t('branding.noLogo')}</Text>
          )}
          <Group>
            <FileButton accept={logoTypes.join(',')} onChange={(file) => void uploadLogo(file)}>
              {(props) => (
                <Button variant="default" {...props}>
                  {t('branding.upload')}
                </Button>
              )}
            </FileButton>
            {branding.logoUrl && (
              <Button variant="subtle" color="red" onClick={() => save.mutate({ logo: null })}>
                {t('branding.remove')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
