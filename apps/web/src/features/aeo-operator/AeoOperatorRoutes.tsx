import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../errors/StatusPages.js';
import { CasePage } from './CasePage.js';
import { SaqPage } from './SaqPage.js';
import { StartApplicationPage } from './StartApplicationPage.js';
import { StatusPage } from './StatusPage.js';
import './aeo-operator.css';

/**
 * The operator's side of the AEO programme, under /operator/aeo-status: the status page, starting an
 * application, the self-assessment questionnaire and the case.
 */
export function AeoOperatorRoutes() {
  return (
    <Routes>
      <Route index element={<StatusPage />} />
      <Route path="apply" element={<StartApplicationPage />} />
      <Route path=":id" element={<CasePage />} />
      <Route path=":id/questionnaire" element={<SaqPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
