import { Button, Card, Result, Skeleton } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api';
import { errorText } from '../../components/errors';
import { useT } from '../../i18n/i18n';

/**
 * What a detail page shows while it has no record: a skeleton while loading; 不存在 for NOT_FOUND
 * (outside the scope looks the same, so existence does not leak); a hop to the surviving record
 * for RECORD_MERGED; the error otherwise.
 */
export function RecordState({
  loading,
  error,
  listPath,
  onRetry,
}: {
  loading: boolean;
  error: unknown;
  listPath: string;
  onRetry: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const mergedInto =
    error instanceof ApiError && error.code === 'RECORD_MERGED' ? error.details.mergedInto : null;
  useEffect(() => {
    if (typeof mergedInto === 'string')
      void navigate(`${listPath}/${mergedInto}`, { replace: true });
  }, [mergedInto, listPath, navigate]);

  if (loading || mergedInto) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  const notFound =
    error instanceof ApiError && (error.status === 404 || error.code === 'NOT_FOUND');
  return (
    <Card>
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('ledger.notFound') : t('ledger.loadFailed')}
        subTitle={errorText(error, t)}
        extra={[
          <Link key="list" to={listPath}>
            <Button type="primary">{t('ledger.backToList')}</Button>
          </Link>,
          !notFound && (
            <Button key="retry" onClick={onRetry}>
              {t('ledger.retry')}
            </Button>
          ),
        ]}
      />
    </Card>
  );
}
