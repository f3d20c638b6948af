import { Checkbox, Loader, Paper, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Ticket } from '../../api/contract.ts';
import { useNames } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DesktopTicketCells } from './desktop-ticket-cells.tsx';
import { PhoneTicketCard } from './phone-ticket-card.tsx';

/**
 * The list as an ARIA table of which only the rows in view are rendered (44 px rows on a desktop,
 * 76 px two-line cards on a phone); the next page loads when the last 20 loaded rows come into view.
 */
export function VirtualTicketTable({
  rows,
  total,
  isPhone,
  loading,
  hasMore,
  fetchingMore,
  loadMore,
  selected,
  setSelected,
  changed,
}: {
  rows: Ticket[];
  total: number;
  isPhone: boolean;
  loading: boolean;
  hasMore: boolean;
  fetchingMore: boolean;
  loadMore: () => void;
  selected: Set<number>;
  setSelected: (next: Set<number>) => void;
  /** Rows that changed since the list was loaded (marked "Updated"). */
  changed: Set<number>;
}) {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  const parentRef = useRef<HTMLDivElement>(null);
  const rowHeight = isPhone ? 76 : 44;
  // The virtualizer renders only the rows in view: the list stays fast however many tickets there are.
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is not compiler-memoisable; this component does not rely on memoisation
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !fetchingMore && lastIndex >= rows.length - 20) loadMore();
  }, [hasMore, fetchingMore, lastIndex, rows.length, loadMore]);

  if (loading) return <Loader role="status" aria-label={t('app.loading')} />;
  if (rows.length === 0) return <Text c="dimmed">{t('tickets.empty')}</Text>;
  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <Paper withBorder>
      {/* The header row counts as row 1 on a desktop; a phone has no header. */}
      <div role="table" aria-label={t('tickets.title')} aria-rowcount={total + (isPhone ? 0 : 1)}>
        {!isPhone && (
          <div role="row" className="ticket-row ticket-header-row" aria-rowindex={1}>
            <span role="columnheader">
              <Checkbox
                aria-label={t('tickets.selectAll')}
                checked={selected.size > 0 && selected.size === rows.length}
                indeterminate={selected.size > 0 && selected.size < rows.length}
                onChange={(event) =>
                  setSelected(event.currentTarget.checked ? new Set(rows.map((row) => row.id)) : new Set())
                }
              />
            </span>
            <span role="columnheader">{t('column.number')}</span>
            <span role="columnheader">{t('column.title')}</span>
            <span role="columnheader">{t('column.company')}</span>
            <span role="columnheader">{t('column.status')}</span>
            <span role="columnheader">{t('column.priority')}</span>
            <span role="columnheader">{t('sla.column')}</span>
            <span role="columnheader">{t('column.assignee')}</span>
            <span role="columnheader">{t('column.activity')}</span>
          </div>
        )}
        <div
          ref={parentRef}
          style={{
            height: isPhone ? 'calc(100dvh - 250px)' : 'calc(100dvh - 360px)',
            minHeight: 300,
            overflowY: 'auto',
          }}
          data-testid="ticket-scroller"
        >
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const ticket = rows[item.index];
              if (!ticket) return null;
              return (
                <div
                  key={ticket.id}
                  role="row"
                  aria-rowindex={item.index + (isPhone ? 1 : 2)}
                  className={isPhone ? 'ticket-card' : 'ticket-row'}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    transform: `translateY(${item.start}px)`,
                  }}
                  data-testid="ticket-row"
                >
                  {isPhone ? (
                    <PhoneTicketCard
                      ticket={ticket}
                      names={names}
                      t={t}
                      formatDateTime={formatDateTime}
                      changed={changed.has(ticket.id)}
                    />
                  ) : (
                    <DesktopTicketCells
                      ticket={ticket}
                      names={names}
                      t={t}
                      formatDateTime={formatDateTime}
                      selected={selected.has(ticket.id)}
                      changed={changed.has(ticket.id)}
                      onSelect={(on) => toggle(ticket.id, on)}
                    />
                  )}
                </div>
              );
            })}
          </div>
        </div>
        {fetchingMore && (
          <Text size="sm" c="dimmed" p="xs">
            {t('tickets.loadingMore')}
          </Text>
        )}
      </div>
    </Paper>
  );
}
