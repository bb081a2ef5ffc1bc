import { roleAllows } from '@aeolus/contracts';
import { Route, Routes } from 'react-router-dom';
import { useSignedIn } from '../../lib/session.js';
import { NotFoundPage } from '../errors/StatusPages.js';
import { RiskFrame } from '../risk/RiskFrame.js';
import { DecisionTableEditorPage } from './DecisionTableEditorPage.js';
import { PolicyPage } from './PolicyPage.js';
import { RuleEditorPage } from './RuleEditorPage.js';
import { RuleSetsPage } from './RuleSetsPage.js';
import { RuleSetVersionPage } from './RuleSetVersionPage.js';
import { WatchListPage } from './WatchListPage.js';
import { WatchListsPage } from './WatchListsPage.js';
import './risk-rules.css';

/** Analysts with `risk-rules:manage` edit; readers see the same pages without the controls. */
function useCanEdit() {
  const { roles } = useSignedIn();
  return roleAllows(roles, 'risk-rules:manage');
}

/** `/risk/rule-sets/*`: versions, a version with its rules, the rule and decision-table editors. */
export function RuleSetRoutes() {
  const canEdit = useCanEdit();
  return (
    <Routes>
      <Route
        index
        element={
          <RiskFrame>
            <RuleSetsPage canEdit={canEdit} />
          </RiskFrame>
        }
      />
      <Route path=":id" element={<RuleSetVersionPage canEdit={canEdit} />} />
      <Route path=":id/rules/:partId" element={<RuleEditorPage canEdit={canEdit} />} />
      <Route path=":id/tables/:partId" element={<DecisionTableEditorPage canEdit={canEdit} />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** `/risk/watch-lists/*`. */
export function WatchListRoutes() {
  const canEdit = useCanEdit();
  return (
    <Routes>
      <Route
        index
        element={
          <RiskFrame>
            <WatchListsPage canEdit={canEdit} />
          </RiskFrame>
        }
      />
      <Route path=":name" element={<WatchListPage canEdit={canEdit} />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** `/risk/policy`. */
export function PolicyRoute() {
  const canEdit = useCanEdit();
  return (
    <RiskFrame>
      <PolicyPage canEdit={canEdit} />
    </RiskFrame>
  );
}
