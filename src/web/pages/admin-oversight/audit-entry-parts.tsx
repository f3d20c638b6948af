import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { actionWords, configKindOf, entityTypeWords } from './audit-vocabulary.ts';
import type { AuditEntry } from './oversight-api.ts';

/** Marks what a co-managing user did; filled, for AA contrast on white and on a card. */
export function CoManagedBadge() {
  const { t } = useI18n();
  return (
    <Badge variant="filled" color="violet.9" tt="none" size="sm">
      {t('oversight.audit.coManaged')}
    </Badge>
  );
}

/** Who did it: a person by name (never by id), marked when co-managing, with the administrator who acted as them. */
export function AuditActor({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const name =
    entry.actorResourceId === null
      ? t('oversight.audit.system')
      : (entry.actorName ?? t('oversight.audit.unnamed'));
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <Text span size="sm" fw={500}>
          {name}
        </Text>
        {entry.actorCoManaged && <CoManagedBadge />}
      </Group>
      {entry.impersonatorResourceId !== null && (
        <Text span size="xs" c="dimmed">
          {t('oversight.audit.impersonatedBy', {
            name: entry.impersonatorName ?? t('oversight.audit.unnamed'),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** The request a "view as" entry records (method and path), when the snapshot holds one. */
function requestOf(entry: AuditEntry): string | null {
  if (entry.action !== 'view_as_request' || !entry.after || typeof entry.after !== 'object') return null;
  const { method, path } = entry.after as { method?: unknown; path?: unknown };
  return typeof method === 'string' && typeof path === 'string' ? `${method} ${path}` : null;
}

export function AuditAction({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const request = requestOf(entry);
  return (
    <Stack gap={2}>
      <Text span size="sm">
        {actionWords(t, entry.action)}
      </Text>
      {request && (
        <Text span size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {request}
        </Text>
      )}
    </Stack>
  );
}

/** The object's own name where it has a screen to open (not after it was deleted). */
function ObjectName({ entry, label }: { entry: AuditEntry; label: string }) {
  const id = entry.entityId;
  if (entry.action === 'delete' || !/^[1-9][0-9]*$/.test(id)) return <>{label}</>;
  switch (entry.entityType) {
    case 'company':
      return (
        <AnchorLink to="/companies/$companyId" params={{ companyId: id }}>
          {label}
        </AnchorLink>
      );
    case 'resource':
      return (
        <AnchorLink to="/admin/resources/$resourceId" params={{ resourceId: id }}>
          {label}
        </AnchorLink>
      );
    case 'department':
      return (
        <AnchorLink to="/admin/departments/$departmentId" params={{ departmentId: id }}>
          {label}
        </AnchorLink>
      );
    case 'location':
      return (
        <AnchorLink to="/admin/locations/$locationId" params={{ locationId: id }}>
          {label}
        </AnchorLink>
      );
    case 'security_level':
      return (
        <AnchorLink to="/admin/security-levels/$levelId" params={{ levelId: id }}>
          {label}
        </AnchorLink>
      );
    case 'workflow_rule':
      return (
        <AnchorLink to="/admin/automation/rules/$ruleId" params={{ ruleId: id }}>
          {label}
        </AnchorLink>
      );
    case 'notification_template':
      return (
        <AnchorLink to="/admin/automation/templates/$templateId" params={{ templateId: id }}>
          {label}
        </AnchorLink>
      );
    case 'webhook_subscription':
      return (
        <AnchorLink to="/admin/automation/webhooks/$webhookId" params={{ webhookId: id }}>
          {label}
        </AnchorLink>
      );
    case 'sla':
      return (
        <AnchorLink to="/admin/config/slas/$slaId" params={{ slaId: id }}>
          {label}
        </AnchorLink>
      );
    default: {
      const kind = configKindOf[entry.entityType];
      return kind ? (
        <AnchorLink to="/admin/config/$kind/$id" params={{ kind, id }}>
          {label}
        </AnchorLink>
      ) : (
        <>{label}</>
      );
    }
  }
}

/** What it was done to: the object's type, and its name linked to its screen where there is one. */
export function AuditObject({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  let name: ReactNode;
  if (entry.ticketId !== null) {
    // A ticket, or its note, time entry, file or worklist entry: the ticket by its number.
    name = entry.ticketNumber ? (
      <AnchorLink to="/tickets/$ticketId" params={{ ticketId: String(entry.ticketId) }}>
        {entry.ticketNumber}
      </AnchorLink>
    ) : (
      `#${entry.ticketId}`
    );
  } else if (entry.entityType === 'activation') {
    name = (
      <AnchorLink to="/admin/activations">
        {entry.entityName ?? entry.entityId.replaceAll('_', ' ')}
      </AnchorLink>
    );
  } else {
    const label =
      entry.entityName ??
      (entry.entityType === 'resource' ? t('oversight.audit.unnamed') : `#${entry.entityId}`);
    name = <ObjectName entry={entry} label={label} />;
  }
  return (
    <Stack gap={0}>
      <Text span size="xs" c="dimmed">
        {entityTypeWords(t, entry.entityType)}
      </Text>
      <Text span size="sm">
        {name}
      </Text>
    </Stack>
  );
}

export function AuditCompany({ entry }: { entry: AuditEntry }) {
  if (entry.companyId === null) return <>—</>;
  const name = entry.companyName ?? `#${entry.companyId}`;
  return (
    <AnchorLink to="/companies/$companyId" params={{ companyId: String(entry.companyId) }} size="sm">
      {name}
    </AnchorLink>
  );
}
