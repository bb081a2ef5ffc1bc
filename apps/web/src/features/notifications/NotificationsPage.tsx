import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.js';

/** Entry point of this feature; its own pages are routed below it (the route is a splat). */
export function NotificationsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('notifications.placeholder')} />;
}
