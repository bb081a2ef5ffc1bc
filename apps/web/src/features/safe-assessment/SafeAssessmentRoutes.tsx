import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../errors/StatusPages.js';
import { CampaignPage } from './CampaignPage.js';
import { CampaignsPage } from './CampaignsPage.js';
import { NewCampaignPage } from './NewCampaignPage.js';
import { PlanPage } from './PlanPage.js';
import { SafeQuestionnaireVersionPage, SafeQuestionnaireVersionsPage } from './QuestionnaireVersionsPages.js';
import { ResponsePage } from './ResponsePage.js';
import { ResultsPage } from './ResultsPage.js';
import '../aeo-operator/aeo-operator.css';
import './safe-assessment.css';

/**
 * The SAFE implementation assessment, under /safe/monitoring: campaigns for the secretariat and the invited
 * administrations, the response form, results, and the improvement plan.
 */
export function SafeAssessmentRoutes() {
  return (
    <Routes>
      <Route index element={<CampaignsPage />} />
      <Route path="new" element={<NewCampaignPage />} />
      <Route path="campaigns/:id" element={<CampaignPage />} />
      <Route path="campaigns/:id/response" element={<ResponsePage />} />
      <Route path="responses/:id" element={<ResultsPage />} />
      <Route path="plan" element={<PlanPage />} />
      <Route path="questionnaire-versions" element={<SafeQuestionnaireVersionsPage />} />
      <Route path="questionnaire-versions/:id" element={<SafeQuestionnaireVersionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
