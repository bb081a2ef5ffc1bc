import { RuleSetDraft, type RuleSetVersionSummary } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { AsyncList } from '../../components/AsyncList.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useNotices } from '../../components/Notices.js';
import { Panel } from '../../components/Panel.js';
import { errorMessage } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { useResource } from '../../lib/use-resource.js';
import { contractProblems, type Problems, serverProblems } from './problems.js';
import { riskRulesApi } from './risk-rules-api.js';
import { StatusBadge } from './StatusBadge.js';

/** The rule-set versions of the administration: open one, start a draft from the published one, import a file. */
export function RuleSetsPage({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const versions = useResource((signal) => riskRulesApi.listVersions(signal), 'rule-sets');
  const action = useAsyncAction();
  const [importProblems, setImportProblems] = useState<Problems>({});
  const [importFailure, setImportFailure] = useState<string>();
  const published = versions.data?.items.find((v) => v.status === 'published');

  const createFromPublished = (source: RuleSetVersionSummary) =>
    action.run(async () => {
      const full = await riskRulesApi.getVersion(source.id);
      const { version: _v, status: _s, ...definition } = full.definition;
      const created = await riskRulesApi.createDraft(definition);
      notify(t('riskRules.sets.draftCreated', { version: created.version }));
      navigate(`/risk/rule-sets/${created.id}`);
    });

  async function importFile(file: File) {
    setImportProblems({});
    setImportFailure(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setImportFailure(t('riskRules.sets.importNotJson'));
      return;
    }
    const checked = RuleSetDraft.safeParse(parsed);
    if (!checked.success) {
      setImportProblems(contractProblems(checked.error));
      return;
    }
    try {
      const created = await riskRulesApi.createDraft(checked.data);
      notify(t('riskRules.sets.imported', { version: created.version }));
      navigate(`/risk/rule-sets/${created.id}`);
    } catch (error) {
      setImportProblems(serverProblems(error));
      setImportFailure(errorMessage(t, error, i18n.language));
    }
  }

  const problemList = Object.entries(importProblems);
  return (
    <Panel
      title={t('riskRules.sets.title')}
      description={t('riskRules.sets.description')}
      actions={
        canEdit ? (
          <span className="form__actions">
            {published ? (
              <button
                type="button"
                className="btn btn--primary"
                disabled={action.busy}
                onClick={() => createFromPublished(published)}
                data-testid="rule-set-new-draft"
              >
                {t('riskRules.sets.newDraft', { version: published.version })}
              </button>
            ) : null}
            <label className="btn btn--secondary risk-file">
              {t('riskRules.sets.import')}
              <input
                type="file"
                accept="application/json,.json"
                className="visually-hidden"
                data-testid="rule-set-import"
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  event.currentTarget.value = '';
                  if (file) void importFile(file);
                }}
              />
            </label>
          </span>
        ) : null
      }
    >
      {action.error ? <Alert tone="error" title={action.error} /> : null}
      {importFailure || problemList.length > 0 ? (
        <div data-testid="rule-set-import-errors">
          <Alert tone="error" title={importFailure ?? t('riskRules.sets.importInvalid')}>
            {problemList.length > 0 ? (
              <ul className="error-list">
                {problemList.slice(0, 20).map(([path, message]) => (
                  <li key={path}>
                    <code>{path || '/'}</code> {message}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <AsyncList
        status={versions.status}
        error={versions.status === 'error' ? versions.error : undefined}
        items={versions.data?.items}
        loadFailed={t('riskRules.sets.loadFailed')}
        empty={<EmptyState icon="file" title={t('riskRules.sets.empty')} />}
      >
        {(items) => (
          <DataTable
            label={t('riskRules.sets.title')}
            testId="rule-set-versions"
            columns={[
              t('riskRules.sets.columns.version'),
              t('riskRules.sets.columns.status'),
              t('riskRules.sets.columns.contents'),
              t('riskRules.sets.columns.created'),
              t('riskRules.sets.columns.published'),
            ]}
            actionsLabel={t('riskRules.sets.columns.actions')}
          >
            {items.map((v) => (
              <tr key={v.id} data-testid={`rule-set-version-${v.version}`}>
                <th scope="row" className="table__primary">
                  <span className="stack">
                    <span>{v.name}</span>
                    <code className="small">
                      {v.ruleSetId}@{v.version}
                    </code>
                  </span>
                </th>
                <td>
                  <StatusBadge status={v.status} />
                </td>
                <td className="nowrap">
                  {t('riskRules.sets.counts', { rules: v.ruleCount, tables: v.decisionTableCount })}
                </td>
                <td>
                  <span className="stack">
                    <span>{v.createdBy}</span>
                    <span className="small muted">{formatDateTime(v.createdAt, i18n.language)}</span>
                  </span>
                </td>
                <td>
                  {v.publishedAt ? (
                    <span className="stack">
                      <span>{v.publishedBy}</span>
                      <span className="small muted">{formatDateTime(v.publishedAt, i18n.language)}</span>
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="table__actions">
                  <span className="form__actions">
                    <Link className="btn btn--secondary btn--small" to={`/risk/rule-sets/${v.id}`}>
                      {t('riskRules.sets.open')}
                      <span className="visually-hidden">
                        {' '}
                        {v.ruleSetId}@{v.version}
                      </span>
                    </Link>
                    <a className="btn btn--secondary btn--small" href={riskRulesApi.exportUrl(v.id)} download>
                      {t('riskRules.sets.export')}
                      <span className="visually-hidden">
                        {' '}
                        {v.ruleSetId}@{v.version}
                      </span>
                    </a>
                  </span>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncList>
    </Panel>
  );
}
