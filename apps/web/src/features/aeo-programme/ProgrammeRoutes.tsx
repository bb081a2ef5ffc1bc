import { type AeoProgramme, roleAllows } from '@aeolus/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useSignedIn } from '../../lib/session.js';
import { useResource } from '../../lib/use-resource.js';
import { NotFoundPage } from '../errors/StatusPages.js';
import { BenefitsSection } from './BenefitsSection.js';
import { CategoriesSection } from './CategoriesSection.js';
import { ClocksSection } from './ClocksSection.js';
import { CriteriaSection } from './CriteriaSection.js';
import { GeneralSection } from './GeneralSection.js';
import { useLanguage } from './ProgrammeForm.js';
import { programmeApi, saqVersionsApi } from './programme-api.js';
import { SaqVersionPage } from './SaqVersionPage.js';
import { SaqVersionsPage } from './SaqVersionsPage.js';
import './programme.css';

/**
 * The administration's AEO programme (SAFE pillar 2) at `/aeo/programme`: settings, the criteria
 * catalogue and the SAQ versions. Admins edit (`aeo-programme:manage`); validators read.
 */
export function ProgrammeRoutes() {
  const { roles, session } = useSignedIn();
  const canEdit = roleAllows(roles, 'aeo-programme:manage');
  const programme = useResource((signal) => programmeApi.get(signal), session.activeOrganisationId);

  return (
    <Routes>
      <Route
        index
        element={
          <ProgrammeFrame canEdit={canEdit} programme={programme}>
            {(data, onSaved) => (
              <>
                <GeneralSection programme={data} canEdit={canEdit} onSaved={onSaved} />
                <ClocksSection programme={data} canEdit={canEdit} onSaved={onSaved} />
                <CategoriesSection programme={data} canEdit={canEdit} onSaved={onSaved} />
                <BenefitsSection programme={data} canEdit={canEdit} onSaved={onSaved} />
              </>
            )}
          </ProgrammeFrame>
        }
      />
      <Route
        path="criteria"
        element={
          <ProgrammeFrame canEdit={canEdit} programme={programme}>
            {(data, onSaved) => <CriteriaSection programme={data} canEdit={canEdit} onSaved={onSaved} />}
          </ProgrammeFrame>
        }
      />
      <Route
        path="saq"
        element={
          <ProgrammeFrame canEdit={canEdit} programme={programme}>
            <SaqVersionsPage canEdit={canEdit} api={saqVersionsApi} />
          </ProgrammeFrame>
        }
      />
      <Route path="saq/:id" element={<SaqVersionPage canEdit={canEdit} api={saqVersionsApi} />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** Header, read-only notice, tabs, and the loaded programme handed to the tab's content. */
function ProgrammeFrame({
  canEdit,
  programme,
  children,
}: {
  canEdit: boolean;
  programme: ReturnType<typeof useResource<AeoProgramme>>;
  /** Content that needs the programme, or (SAQ versions) content that stands on its own. */
  children: ReactNode | ((data: AeoProgramme, onSaved: (saved: AeoProgramme) => void) => ReactNode);
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { notify } = useNotices();
  const data = programme.data;
  const onSaved = () => {
    notify(t('aeoProgramme.saved'));
    programme.reload();
  };
  const tabs = [
    { to: '/aeo/programme', label: t('aeoProgramme.tabs.settings'), end: true },
    { to: '/aeo/programme/criteria', label: t('aeoProgramme.tabs.criteria'), end: true },
    { to: '/aeo/programme/saq', label: t('aeoProgramme.tabs.saq'), end: false },
  ];

  return (
    <>
      <PageHeader
        eyebrow={t('aeoProgramme.eyebrow')}
        title={data ? data.name[language] : t('aeoProgramme.title')}
        lead={t('aeoProgramme.lead')}
      />
      {canEdit ? null : (
        <div data-testid="programme-readonly">
          <Alert tone="info" title={t('aeoProgramme.readOnly')} />
        </div>
      )}
      <nav className="programme-tabs" aria-label={t('aeoProgramme.tabs.label')} data-testid="programme-tabs">
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end} className="programme-tabs__link">
            {tab.label}
          </NavLink>
        ))}
      </nav>
      {programme.status === 'error' && typeof children === 'function' ? (
        <LoadError title={t('aeoProgramme.loadFailed')} error={programme.error} />
      ) : null}
      {programme.status === 'loading' && !data ? <Loading label={t('common.loading')} block /> : null}
      {typeof children !== 'function' ? children : data ? children(data, onSaved) : null}
    </>
  );
}
