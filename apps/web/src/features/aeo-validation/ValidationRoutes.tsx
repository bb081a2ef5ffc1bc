import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../errors/StatusPages.js';
import { CasePage } from './CasePage.js';
import { QueuePage } from './QueuePage.js';
import './validation.css';

/** The validator's side of the AEO programme: the work queue, and one case at `/aeo/validation/:id`. */
export function ValidationRoutes() {
  return (
    <div className="aeo-validation">
      <Routes>
        <Route index element={<QueuePage />} />
        <Route path=":id" element={<CasePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
