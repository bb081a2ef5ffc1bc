import type { RuleSet, RuleSetVersion } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable } from '../../components/DataTable.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { formatDateTime } from '../../lib/format.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { useResource } from '../../lib/use-resource.js';
import { BacktestPanel } from './BacktestPanel.js';
import { DiffPanel } from './DiffPanel.js';
import { riskRulesApi } from './risk-rules-api.js';
import { LaneBadge, StatusBadge } from './StatusBadge.js';

/** A rule-set file without the numbering the server owns, ready to send back as a draft. */
export function draftOf(definition: RuleSet) {
  const { version: _v, status: _s, ...rest } = definition;
  return rest;
}

type Pending = 'publish' | 'retire' | { deleteRule: string } | { deleteTable: string } | undefined;

/** One rule-set version: its rules and decision tables; a draft is edited, published or compared here. */
export function RuleSetVersionPage({ canEdit }: { canEdit: boolean }) {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const version = useResource((signal) => riskRulesApi.getVersion(id, signal), id);
  const action = useAsyncAction();
  const [pending, setPending] = useState<Pending>();

  if (version.status === 'error' && !version.data) {
    return <LoadError title={t('riskRules.version.loadFailed')} error={version.error} />;
  }
  const data = version.data;
  if (!data) return <Loading label={t('common.loading')} block />;
  const isDraft = data.status === 'draft';
  const editable = canEdit && isDraft;

  const save = (definition: RuleSet) => riskRulesApi.updateDraft(data.id, draftOf(definition));

  const confirm = () =>
    action.run(async () => {
      if (pending === 'publish') {
        await riskRulesApi.publish(data.id);
        notify(t('riskRules.version.published', { version: data.version }));
      } else if (pending === 'retire') {
        await riskRulesApi.retire(data.id);
        notify(t('riskRules.version.retired', { version: data.version }));
      } else if (pending && 'deleteRule' in pending) {
        const def = data.definition;
        await save({ ...def, rules: def.rules.filter((r) => r.id !== pending.deleteRule) });
        notify(t('riskRules.version.ruleDeleted', { id: pending.deleteRule }));
      } else if (pending && 'deleteTable' in pending) {
        const def = data.definition;
        await save({
          ...def,
          decisionTables: def.decisionTables.filter((d) => d.id !== pending.deleteTable),
        });
        notify(t('riskRules.version.tableDeleted', { id: pending.deleteTable }));
      }
      setPending(undefined);
      version.reload();
    });

  const newDraft = () =>
    action.run(async () => {
      const created = await riskRulesApi.createDraft(draftOf(data.definition));
      notify(t('riskRules.sets.draftCreated', { version: created.version }));
      navigate(`/risk/rule-sets/${created.id}`);
    });

  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link to="/risk/rule-sets">{t('riskRules.sets.title')}</Link> ›{' '}
            <code>
              {data.ruleSetId}@{data.version}
            </code>
          </>
        }
        title={t('riskRules.version.title', { name: data.name, version: data.version })}
        lead={data.definition.description}
        actions={
          <span className="form__actions">
            <a className="btn btn--secondary" href={riskRulesApi.exportUrl(data.id)} download>
              {t('riskRules.sets.export')}
            </a>
            {canEdit && !isDraft ? (
              <button type="button" className="btn btn--secondary" onClick={newDraft} disabled={action.busy}>
                {t('riskRules.version.newDraftFromThis')}
              </button>
            ) : null}
            {editable ? (
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => setPending('publish')}
                data-testid="rule-set-publish"
              >
                {t('riskRules.version.publish')}
              </button>
            ) : null}
            {canEdit && data.status === 'published' ? (
              <button
                type="button"
                className="btn btn--danger"
                onClick={() => setPending('retire')}
                data-testid="rule-set-retire"
              >
                {t('riskRules.version.retire')}
              </button>
            ) : null}
          </span>
        }
      />
      {action.error && !pending ? <Alert tone="error" title={action.error} /> : null}
      <VersionFacts data={data} language={i18n.language} />
      {isDraft ? <BacktestPanel draft={data} /> : null}
      <RulesPanel data={data} editable={editable} onDelete={(ruleId) => setPending({ deleteRule: ruleId })} />
      <TablesPanel
        data={data}
        editable={editable}
        onDelete={(tableId) => setPending({ deleteTable: tableId })}
      />
      <DiffPanel data={data} />
      <ConfirmDialog
        open={pending !== undefined}
        title={
          pending === 'publish'
            ? t('riskRules.version.publishTitle', { version: data.version })
            : pending === 'retire'
              ? t('riskRules.version.retireTitle', { version: data.version })
              : t('riskRules.version.deleteTitle', {
                  id: pending ? ('deleteRule' in pending ? pending.deleteRule : pending.deleteTable) : '',
                })
        }
        tone={pending === 'publish' ? 'primary' : 'danger'}
        confirmLabel={
          pending === 'publish'
            ? t('riskRules.version.publish')
            : pending === 'retire'
              ? t('riskRules.version.retire')
              : t('riskRules.version.delete')
        }
        busy={action.busy}
        onConfirm={confirm}
        onCancel={() => {
          setPending(undefined);
          action.clearError();
        }}
        confirmTestId="rule-set-confirm"
      >
        <p>
          {pending === 'publish'
            ? t('riskRules.version.publishBody')
            : pending === 'retire'
              ? t('riskRules.version.retireBody')
              : t('riskRules.version.deleteBody')}
        </p>
        {action.error ? <Alert tone="error" title={action.error} /> : null}
      </ConfirmDialog>
    </>
  );
}

function VersionFacts({ data, language }: { data: RuleSetVersion; language: string }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('riskRules.version.facts')}>
      <dl className="facts facts--columns" data-testid="rule-set-facts">
        <div>
          <dt>{t('riskRules.sets.columns.status')}</dt>
          <dd>
            <StatusBadge status={data.status} />
          </dd>
        </div>
        <div>
          <dt>{t('riskRules.sets.columns.created')}</dt>
          <dd>
            {data.createdBy}, {formatDateTime(data.createdAt, language)}
          </dd>
        </div>
        <div>
          <dt>{t('riskRules.sets.columns.published')}</dt>
          <dd>
            {data.publishedAt ? `${data.publishedBy}, ${formatDateTime(data.publishedAt, language)}` : '—'}
          </dd>
        </div>
        {data.retiredAt ? (
          <div>
            <dt>{t('riskRules.version.retiredAt')}</dt>
            <dd>{formatDateTime(data.retiredAt, language)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('riskRules.version.watchLists')}</dt>
          <dd>{data.watchLists.length > 0 ? data.watchLists.join(', ') : '—'}</dd>
        </div>
      </dl>
    </Panel>
  );
}

function RulesPanel({
  data,
  editable,
  onDelete,
}: {
  data: RuleSetVersion;
  editable: boolean;
  onDelete(ruleId: string): void;
}) {
  const { t } = useTranslation();
  const rules = data.definition.rules;
  return (
    <Panel
      title={t('riskRules.rules.title', { count: rules.length })}
      description={editable ? t('riskRules.rules.draftHint') : t('riskRules.rules.readOnlyHint')}
      actions={
        editable ? (
          <Link className="btn btn--secondary" to={`/risk/rule-sets/${data.id}/rules/new`}>
            {t('riskRules.rules.add')}
          </Link>
        ) : null
      }
    >
      <DataTable
        label={t('riskRules.rules.title', { count: rules.length })}
        testId="rule-list"
        dense
        columns={[
          t('riskRules.rules.columns.rule'),
          t('riskRules.rules.columns.weight'),
          t('riskRules.rules.columns.minLane'),
          t('riskRules.rules.columns.referral'),
        ]}
        actionsLabel={t('riskRules.sets.columns.actions')}
      >
        {rules.map((rule) => (
          <tr key={rule.id} data-testid={`rule-${rule.id}`}>
            <th scope="row" className="table__primary">
              <span className="stack">
                <span>
                  {rule.name}
                  {rule.enabled === false ? (
                    <span className="muted"> ({t('riskRules.rules.disabled')})</span>
                  ) : null}
                </span>
                <code className="small">{rule.id}</code>
              </span>
            </th>
            <td className="nowrap" data-testid={`rule-${rule.id}-weight`}>
              {rule.weight}
            </td>
            <td>{rule.minLane ? <LaneBadge lane={rule.minLane} /> : '—'}</td>
            <td>{rule.referral ?? '—'}</td>
            <td className="table__actions">
              <span className="form__actions">
                <Link
                  className="btn btn--secondary btn--small"
                  to={`/risk/rule-sets/${data.id}/rules/${rule.id}`}
                >
                  {editable ? t('riskRules.rules.edit') : t('riskRules.rules.view')}
                  <span className="visually-hidden"> {rule.id}</span>
                </Link>
                {editable ? (
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    onClick={() => onDelete(rule.id)}
                  >
                    {t('riskRules.version.delete')}
                    <span className="visually-hidden"> {rule.id}</span>
                  </button>
                ) : null}
              </span>
            </td>
          </tr>
        ))}
      </DataTable>
    </Panel>
  );
}

function TablesPanel({
  data,
  editable,
  onDelete,
}: {
  data: RuleSetVersion;
  editable: boolean;
  onDelete(tableId: string): void;
}) {
  const { t } = useTranslation();
  const tables = data.definition.decisionTables;
  return (
    <Panel
      title={t('riskRules.tables.title', { count: tables.length })}
      description={t('riskRules.tables.description')}
      actions={
        editable ? (
          <Link className="btn btn--secondary" to={`/risk/rule-sets/${data.id}/tables/new`}>
            {t('riskRules.tables.add')}
          </Link>
        ) : null
      }
    >
      {tables.length === 0 ? (
        <p className="muted">{t('riskRules.tables.empty')}</p>
      ) : (
        <DataTable
          label={t('riskRules.tables.title', { count: tables.length })}
          testId="decision-table-list"
          dense
          columns={[
            t('riskRules.rules.columns.rule'),
            t('riskRules.tables.hitPolicy'),
            t('riskRules.tables.inputs'),
            t('riskRules.tables.rows'),
          ]}
          actionsLabel={t('riskRules.sets.columns.actions')}
        >
          {tables.map((table) => (
            <tr key={table.id} data-testid={`decision-table-${table.id}`}>
              <th scope="row" className="table__primary">
                <span className="stack">
                  <span>{table.name}</span>
                  <code className="small">{table.id}</code>
                </span>
              </th>
              <td>{t(`riskRules.tables.policies.${table.hitPolicy}`)}</td>
              <td>{table.inputs.map((i) => i.label ?? i.field).join(', ')}</td>
              <td>{table.rows.length}</td>
              <td className="table__actions">
                <span className="form__actions">
                  <Link
                    className="btn btn--secondary btn--small"
                    to={`/risk/rule-sets/${data.id}/tables/${table.id}`}
                  >
                    {editable ? t('riskRules.rules.edit') : t('riskRules.rules.view')}
                    <span className="visually-hidden"> {table.id}</span>
                  </Link>
                  {editable ? (
                    <button
                      type="button"
                      className="btn btn--secondary btn--small"
                      onClick={() => onDelete(table.id)}
                    >
                      {t('riskRules.version.delete')}
                      <span className="visually-hidden"> {table.id}</span>
                    </button>
                  ) : null}
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
