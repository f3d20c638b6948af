import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { LinkProps } from '@tanstack/react-router';
import { AnchorLink } from '../../components/links.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Area {
  title: MessageKey;
  links: { label: MessageKey; to: LinkProps['to'] }[];
}

/** Every configuration screen, by what an MSP admin is setting up. */
const areas: Area[] = [
  {
    title: 'adminAreas.access',
    links: [
      { label: 'admin.coManaged', to: '/admin/co-managed' },
      { label: 'admin.activations', to: '/admin/activations' },
      { label: 'branding.title', to: '/admin/branding' },
      { label: 'admin.levels', to: '/admin/security-levels' },
      { label: 'admin.explain', to: '/admin/explain' },
    ],
  },
  {
    title: 'adminAreas.people',
    links: [
      { label: 'adminAreas.companies', to: '/admin/companies' },
      { label: 'adminAreas.contacts', to: '/admin/contacts' },
      { label: 'adminAreas.resources', to: '/admin/resources' },
      { label: 'adminAreas.departments', to: '/admin/departments' },
      { label: 'adminAreas.locations', to: '/admin/locations' },
      { label: 'adminAreas.roles', to: '/admin/roles' },
    ],
  },
  {
    title: 'adminAreas.tickets',
    links: [
      { label: 'adminAreas.ticketConfiguration', to: '/admin/config' },
      { label: 'admin.slas', to: '/admin/config/slas' },
    ],
  },
  {
    title: 'adminAreas.automation',
    links: [
      { label: 'admin.rules', to: '/admin/automation/rules' },
      { label: 'admin.templates', to: '/admin/automation/templates' },
      { label: 'admin.webhooks', to: '/admin/automation/webhooks' },
    ],
  },
];

export function AdminAreas() {
  const { t } = useI18n();
  return (
    <Stack gap="xs" component="section" aria-labelledby="admin-areas">
      <Title order={2} size="h3" id="admin-areas">
        {t('adminAreas.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {areas.map((area) => (
          <Stack key={area.title} gap={4}>
            <Text fw={600}>{t(area.title)}</Text>
            {area.links.map((link) => (
              <AnchorLink key={link.label} to={link.to} size="sm">
                {t(link.label)}
              </AnchorLink>
            ))}
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
