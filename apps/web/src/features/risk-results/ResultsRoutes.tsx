import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../errors/StatusPages.js';
import { RiskFrame } from '../risk/RiskFrame.js';
import { ResultDetailPage } from './ResultDetailPage.js';
import { ResultsListPage } from './ResultsListPage.js';
import { RuleStatsPage } from './RuleStatsPage.js';
import './risk-results.css';

/** The charting library is large; only the benefits dashboard needs it, so it loads with that page. */
const LazyBenefitsPage = lazy(() => import('./BenefitsPage.js').then((m) => ({ default: m.BenefitsPage })));

/** `/risk/results/*`: the results list, and one result with its explanation at `/risk/results/:id`. */
export function ResultsRoutes() {
  return (
    <div className="risk-results">
      <Routes>
        <Route
          index
          element={
            <RiskFrame>
              <ResultsListPage />
            </RiskFrame>
          }
        />
        <Route path=":id" element={<ResultDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}

/** `/risk/rule-stats`: hit rates per rule of a rule-set version. */
export function RuleStatsRoute() {
  return (
    <div className="risk-results">
      <RiskFrame>
        <RuleStatsPage />
      </RiskFrame>
    </div>
  );
}

/** `/risk/benefits`: the AEO benefit measurement dashboard. */
export function BenefitsRoute() {
  const { t } = useTranslation();
  return (
    <div className="risk-results">
      <RiskFrame>
        <Suspense fallback={<Loading label={t('common.loading')} block />}>
          <LazyBenefitsPage />
        </Suspense>
      </RiskFrame>
    </div>
  );
}
