import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../../components/Icon.js';
import { PageHeader } from '../../components/PageHeader.js';
import { SaqVersionPage } from '../aeo-programme/SaqVersionPage.js';
import { SaqVersionsPage, type VersionTexts } from '../aeo-programme/SaqVersionsPage.js';
import { safeVersionsApi } from './safe-api.js';
import '../aeo-programme/programme.css';

/**
 * The secretariat's versions of the SAFE monitoring questionnaire (issue 5 item 1: definitions editable by
 * the secretariat; a response is scored against the version its campaign pinned). The pages are the AEO
 * programme's SAQ version pages, given this API and these words.
 */
function useSafeVersionTexts(): VersionTexts {
  const { t } = useTranslation();
  return {
    title: t('safeAssessment.versions.title'),
    description: t('safeAssessment.versions.description'),
    usage: t('safeAssessment.versions.usage'),
    back: t('safeAssessment.versions.title'),
    eyebrow: t('safeAssessment.versions.eyebrow'),
    published: t('safeAssessment.versions.published'),
    frozen: t('safeAssessment.versions.frozen'),
    confirmPublishBody: t('safeAssessment.versions.confirmPublishBody'),
    confirmRetireBody: t('safeAssessment.versions.confirmRetireBody'),
    confirmDeleteBody: t('safeAssessment.versions.confirmDeleteBody'),
    contentHint: t('safeAssessment.versions.contentHint'),
  };
}

export function SafeQuestionnaireVersionsPage() {
  const { t } = useTranslation();
  const texts = useSafeVersionTexts();
  return (
    <>
      <p>
        <Link to="/safe/monitoring" className="back-link">
          <Icon name="arrowLeft" size={16} />
          {t('safeAssessment.versions.backToCampaigns')}
        </Link>
      </p>
      <PageHeader eyebrow={t('safeAssessment.eyebrow')} title={texts.title!} />
      {/* The page is titled "Questionnaire versions"; the panel names the questionnaire. */}
      <SaqVersionsPage canEdit api={safeVersionsApi} texts={{ ...texts, title: texts.eyebrow }} />
    </>
  );
}

export function SafeQuestionnaireVersionPage() {
  return <SaqVersionPage canEdit api={safeVersionsApi} texts={useSafeVersionTexts()} />;
}
