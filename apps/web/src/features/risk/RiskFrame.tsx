import { type Action, roleAllows } from '@aeolus/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader.js';
import { useSignedIn } from '../../lib/session.js';
import './risk.css';

type TabLabel = 'ruleSets' | 'watchLists' | 'policy' | 'results' | 'ruleStats' | 'benefits';

/** The area's tabs, in order: [path under /risk, permission, label key in risk.tabs]. */
export const RISK_TABS: readonly (readonly [string, Action, TabLabel])[] = [
  ['rule-sets', 'risk-rules:read', 'ruleSets'],
  ['watch-lists', 'risk-rules:read', 'watchLists'],
  ['policy', 'risk-rules:read', 'policy'],
  ['results', 'screening-results:read', 'results'],
  ['rule-stats', 'risk-rules:read', 'ruleStats'],
  ['benefits', 'screening-results:read', 'benefits'],
];

/** The area's header and tabs above a list page (detail pages carry their own header and breadcrumb). */
export function RiskFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { roles } = useSignedIn();
  return (
    <>
      <PageHeader eyebrow={t('risk.eyebrow')} title={t('risk.title')} lead={t('risk.lead')} />
      <nav className="risk-tabs" aria-label={t('risk.tabs.label')} data-testid="risk-tabs">
        {RISK_TABS.filter(([, action]) => roleAllows(roles, action)).map(([path, , label]) => (
          <NavLink key={path} to={`/risk/${path}`} className="risk-tabs__link">
            {t(`risk.tabs.${label}`)}
          </NavLink>
        ))}
      </nav>
      {children}
    </>
  );
}
