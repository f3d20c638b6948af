import { Button, Group, Modal, SegmentedControl, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TicketGrouping, TimeGrouping } from '../../api/report-contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Widget } from './dashboard-definitions.ts';

const groupings: TicketGrouping[] = [
  'status',
  'priority',
  'company',
  'queue',
  'category',
  'assignee',
  'createdDay',
  'completedDay',
];
const timeGroupings: TimeGrouping[] = ['resource', 'workType', 'company', 'day'];
type Kind = Widget['kind'];
const kinds: Kind[] = ['count', 'groups', 'trend', 'sla', 'time', 'worklist', 'recent'];

/** Adds one widget: what it shows, and for ticket figures the two filters most desks want (open, mine). */
export function WidgetEditor({ onAdd, onClose }: { onAdd: (widget: Widget) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('groups');
  const [title, setTitle] = useState('');
  const [groupBy, setGroupBy] = useState<TicketGrouping>('status');
  const [timeGroupBy, setTimeGroupBy] = useState<TimeGrouping>('resource');
  const [display, setDisplay] = useState<'bar' | 'donut' | 'table'>('bar');
  const [openOnly, setOpenOnly] = useState(true);
  const [mine, setMine] = useState(false);
  const filters = { ...(openOnly ? { open: 'true' } : {}), ...(mine ? { assignee: 'mine' } : {}) };
  const build = (): Widget => {
    const named = title.trim() || t(`dashboards.kind.${kind}`);
    switch (kind) {
      case 'count':
        return { kind, title: named, filters };
      case 'groups':
        return { kind, title: named, groupBy, display, filters };
      case 'trend':
        return { kind, title: named, days: 30, filters: mine ? { assignee: 'mine' } : {} };
      case 'sla':
        return { kind, title: named, days: 30, filters };
      case 'time':
        return { kind, title: named, groupBy: timeGroupBy, days: 7 };
      case 'worklist':
      case 'recent':
        return { kind, title: named };
    }
  };
  const countsTickets = kind === 'count' || kind === 'groups' || kind === 'sla';
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('dashboards.addWidget')}
      closeButtonProps={{ 'aria-label': t('dashboards.cancel') }}
    >
      <Stack>
        <Select
          label={t('dashboards.widgetKind')}
          data={kinds.map((value) => ({ value, label: t(`dashboards.kind.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value)}
          allowDeselect={false}
        />
        <TextInput
          label={t('dashboards.widgetTitle')}
          placeholder={t(`dashboards.kind.${kind}`)}
          value={title}
          maxLength={100}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        {kind === 'groups' && (
          <>
            <Select
              label={t('dashboards.groupBy')}
              data={groupings.map((value) => ({ value, label: t(`dashboards.groupBy.${value}`) }))}
              value={groupBy}
              onChange={(value) => value && setGroupBy(value)}
              allowDeselect={false}
            />
            <SegmentedControl
              aria-label={t('dashboards.display')}
              data={(['bar', 'donut', 'table'] as const).map((value) => ({
                value,
                label: t(`dashboards.display.${value}`),
              }))}
              value={display}
              onChange={(value) => setDisplay(value)}
            />
          </>
        )}
        {kind === 'time' && (
          <Select
            label={t('dashboards.groupBy')}
            data={timeGroupings.map((value) => ({ value, label: t(`dashboards.timeGroupBy.${value}`) }))}
            value={timeGroupBy}
            onChange={(value) => value && setTimeGroupBy(value)}
            allowDeselect={false}
          />
        )}
        {countsTickets && (
          <Switch
            label={t('dashboards.openOnly')}
            checked={openOnly}
            onChange={(event) => setOpenOnly(event.currentTarget.checked)}
          />
        )}
        {(countsTickets || kind === 'trend') && (
          <Switch
            label={t('dashboards.mineOnly')}
            checked={mine}
            onChange={(event) => setMine(event.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('dashboards.cancel')}
          </Button>
          <Button onClick={() => onAdd(build())}>{t('dashboards.add')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
