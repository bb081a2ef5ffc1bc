import { type Action, roleAllows } from '@aeolus/contracts';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useSignedIn } from '../../lib/session.js';
import { ForbiddenPage, NotFoundPage } from '../errors/StatusPages.js';
import { BenefitsRoute, ResultsRoutes, RuleStatsRoute } from '../risk-results/ResultsRoutes.js';
import { PolicyRoute, RuleSetRoutes, WatchListRoutes } from '../risk-rules/RiskRulesRoutes.js';
import { RISK_TABS } from './RiskFrame.js';

/**
 * The risk area (issue 4) at `/risk`: one row per sub-page — [path, permission, page]; its tab is a row of
 * RISK_TABS (RiskFrame.tsx). The rules side (rule sets, watch lists, policy) lives in features/risk-rules;
 * the results side (results, hit rates, benefits) in features/risk-results and adds its rows here.
 */
const pages: readonly (readonly [string, Action, ReactNode])[] = [
  ['rule-sets/*', 'risk-rules:read', <RuleSetRoutes key="rule-sets" />],
  ['watch-lists/*', 'risk-rules:read', <WatchListRoutes key="watch-lists" />],
  ['policy', 'risk-rules:read', <PolicyRoute key="policy" />],
  ['results/*', 'screening-results:read', <ResultsRoutes key="results" />],
  ['rule-stats', 'risk-rules:read', <RuleStatsRoute key="rule-stats" />],
  ['benefits', 'screening-results:read', <BenefitsRoute key="benefits" />],
];

export function RiskRoutes() {
  const { roles } = useSignedIn();
  const first = RISK_TABS.find(([, action]) => roleAllows(roles, action));
  return (
    <Routes>
      <Route index element={first ? <Navigate to={`/risk/${first[0]}`} replace /> : <ForbiddenPage />} />
      {pages.map(([path, action, page]) => (
        <Route key={path} path={path} element={roleAllows(roles, action) ? page : <ForbiddenPage />} />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
