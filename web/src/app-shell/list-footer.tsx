import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** Under a paged list: how many rows are shown, and "load more" while the server has another page. */
export function ListFooter({
  shown,
  list,
}: {
  shown: number;
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  return (
    <div className="fc-table-footer">
      <span>{t('common.shownCount', { count: shown })}</span>
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </div>
  );
}
