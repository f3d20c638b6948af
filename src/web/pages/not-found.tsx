import { Stack, Text, Title } from '@mantine/core';
import { ButtonLink } from '../components/links.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** The same page for a missing object and one outside the user's access: the API does not tell them apart either. */
export function NotFoundPage({ title, text }: { title?: string; text?: string }) {
  const { t } = useI18n();
  return (
    <Stack align="flex-start" py="xl" data-testid="not-found">
      <Title order={1}>{title ?? t('notFound.title')}</Title>
      <Text>{text ?? t('notFound.text')}</Text>
      <ButtonLink to="/tickets" variant="light">
        {t('notFound.home')}
      </ButtonLink>
    </Stack>
  );
}
