import { NativeSelect, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  type Action,
  actions,
  type PermissionMatrix,
  type PermissionScope,
  permissionScopes,
  type SecuredObject,
  securedObjects,
} from '../../../shared/access-vocabulary.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Objects × actions, each a scope; read-only for system templates. */
export function PermissionMatrixEditor({
  value,
  readOnly,
  onChange,
}: {
  value: PermissionMatrix;
  readOnly: boolean;
  onChange: (object: SecuredObject, action: Action, scope: PermissionScope) => void;
}) {
  const { t } = useI18n();
  const isPhone = useMediaQuery('(max-width: 48em)');
  // The full name ("Tickets: Edit") on both layouts; on a phone the action is also shown as a label.
  const select = (object: SecuredObject, action: Action) => (
    <NativeSelect
      size="xs"
      disabled={readOnly}
      label={isPhone ? t(`admin.action.${action}`) : undefined}
      aria-label={`${t(`admin.object.${object}`)}: ${t(`admin.action.${action}`)}`}
      value={value[object][action]}
      data={permissionScopes.map((scope) => ({ value: scope, label: t(`admin.scope.${scope}`) }))}
      onChange={(event) => onChange(object, action, event.currentTarget.value as PermissionScope)}
    />
  );
  // On a phone the table would need sideways scrolling for every change: one card per object instead.
  if (isPhone)
    return (
      <Stack gap="xs">
        {securedObjects.map((object) => (
          <Paper key={object} withBorder p="xs" radius="sm" component="fieldset" m={0}>
            <Text component="legend" fw={600} size="sm" px={4}>
              {t(`admin.object.${object}`)}
            </Text>
            <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
              {actions.map((action) => (
                <div key={action}>{select(object, action)}</div>
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
    );
  return (
    <div
      className="admin-matrix-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('admin.level.permissions')}
      style={{ overflowX: 'auto' }}
    >
      <Table verticalSpacing="xs" horizontalSpacing="sm" miw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.level.object')}</Table.Th>
            {actions.map((action) => (
              <Table.Th key={action}>{t(`admin.action.${action}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {securedObjects.map((object) => (
            <Table.Tr key={object}>
              <Table.Td>{t(`admin.object.${object}`)}</Table.Td>
              {actions.map((action) => (
                <Table.Td key={action}>{select(object, action)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
