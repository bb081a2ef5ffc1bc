import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('status.notFound.title')} />
      <EmptyState icon="file" title={t('status.notFound.body')}>
        <Link to="/">{t('common.backHome')}</Link>
      </EmptyState>
    </>
  );
}

/** Shown when a URL names an area the active roles may not open; the API would refuse it anyway. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('status.forbidden.title')} />
      <EmptyState icon="lock" title={t('status.forbidden.body')}>
        <Link to="/">{t('common.backHome')}</Link>
      </EmptyState>
    </>
  );
}
