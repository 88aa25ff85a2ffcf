import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n';

export function ForbiddenPage() {
  const t = useT();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('status.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('status.home')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('status.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('status.home')}</Button>
        </Link>
      }
    />
  );
}
