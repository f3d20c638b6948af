import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ConfigRow } from './config-kinds.ts';

/** Who a row is offered to (scenario 3), in plain words: shared, reserved, or one category's set-up. */
export function SetUpText({ row }: { row: ConfigRow }) {
  const { t } = useI18n();
  const categories = useQuery(referenceQueries.categories).data ?? [];
  if (row.reserved === true) return <>{t('config.setUp.reserved')}</>;
  if (typeof row.categoryId === 'number') {
    const category = categories.find((candidate) => candidate.id === row.categoryId);
    return <>{t('config.setUp.ofCategory', { name: category?.name ?? '…' })}</>;
  }
  return <>{t('config.setUp.shared')}</>;
}
