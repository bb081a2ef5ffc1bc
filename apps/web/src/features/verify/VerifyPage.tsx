import { useTranslation } from 'react-i18next';

/** Public certificate verification: no account needed (reached from the QR code on a certificate). */
export function VerifyPage() {
  const { t } = useTranslation();
  return <h1>{t('verify.placeholder')}</h1>;
}
