import { Alert, Button, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Ticket } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type EditableField, type EditableValues, fieldLabels } from './field-definitions.ts';
import { mergedPatch } from './ticket-merge.ts';
import { useFieldDisplay } from './use-field-display.ts';

/** A save that met a newer version (409): the ticket as it is now and the user's changes. */
export interface Conflict {
  current: Ticket;
  mine: Partial<EditableValues>;
  /** Fields both sides changed: the user decides. */
  contested: EditableField[];
  /** Fields only the other side changed: kept as they are now. */
  theirsOnly: EditableField[];
}

/** Shows both sides of a conflict and hands back the merged patch the user chose. */
export function ConflictDialog({
  conflict,
  saving,
  onCancel,
  onMerge,
}: {
  conflict: Conflict | null;
  saving: boolean;
  onCancel: () => void;
  onMerge: (patch: Partial<EditableValues>) => void;
}) {
  const { t } = useI18n();
  const display = useFieldDisplay(conflict?.current);
  const [choices, setChoices] = useState<Partial<Record<EditableField, 'mine' | 'theirs'>>>({});
  if (!conflict) return null;
  const changed = [...conflict.contested, ...conflict.theirsOnly];
  const merged = () => mergedPatch(conflict.mine, conflict.contested, choices) as Partial<EditableValues>;
  return (
    <Modal opened onClose={onCancel} title={t('conflict.title')} size="lg" data-testid="conflict-dialog">
      <Stack>
        <Alert color="orange">{t('conflict.intro', { count: changed.length })}</Alert>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('conflict.field')}</Table.Th>
              <Table.Th>{t('conflict.theirs')}</Table.Th>
              <Table.Th>{t('conflict.mine')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changed.map((field) => (
              <Table.Tr key={field}>
                <Table.Td>{t(fieldLabels[field])}</Table.Td>
                <Table.Td>{display(field, conflict.current[field])}</Table.Td>
                <Table.Td>
                  {conflict.contested.includes(field) ? (
                    <Radio.Group
                      value={choices[field] ?? 'mine'}
                      onChange={(value) =>
                        setChoices({ ...choices, [field]: value === 'theirs' ? 'theirs' : 'mine' })
                      }
                      aria-label={t(fieldLabels[field])}
                    >
                      <Stack gap={4}>
                        <Radio
                          value="mine"
                          label={`${t('conflict.keepMine')}: ${display(field, conflict.mine[field])}`}
                        />
                        <Radio value="theirs" label={t('conflict.takeTheirs')} />
                      </Stack>
                    </Radio.Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('conflict.untouched')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button onClick={() => onMerge(merged())} loading={saving}>
            {t('conflict.merge')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('ticket.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
