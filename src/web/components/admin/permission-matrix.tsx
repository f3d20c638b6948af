import { NativeSelect, Table } from '@mantine/core';
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
                <Table.Td key={action}>
                  <NativeSelect
                    size="xs"
                    disabled={readOnly}
                    aria-label={`${t(`admin.object.${object}`)}: ${t(`admin.action.${action}`)}`}
                    value={value[object][action]}
                    data={permissionScopes.map((scope) => ({
                      value: scope,
                      label: t(`admin.scope.${scope}`),
                    }))}
                    onChange={(event) =>
                      onChange(object, action, event.currentTarget.value as PermissionScope)
                    }
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
