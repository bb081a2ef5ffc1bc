import { WatchList } from '@aeolus/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { AsyncList } from '../../components/AsyncList.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { IconButton } from '../../components/IconButton.js';
import { useNotices } from '../../components/Notices.js';
import { Panel } from '../../components/Panel.js';
import { errorMessage } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';
import { useResource } from '../../lib/use-resource.js';
import { contractProblems, type Problems, serverProblems } from './problems.js';
import { riskRulesApi } from './risk-rules-api.js';
import { splitNames } from './watch-list-entries.js';

/** The administration's watch lists (denied parties, embargoed countries…), referenced by rules by name. */
export function WatchListsPage({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lists = useResource((signal) => riskRulesApi.listWatchLists(signal), 'watch-lists');
  const [creating, setCreating] = useState(false);
  return (
    <Panel
      title={t('riskRules.watchLists.title')}
      description={t('riskRules.watchLists.description')}
      actions={
        canEdit && !creating ? (
          <IconButton icon="plus" onClick={() => setCreating(true)}>
            {t('riskRules.watchLists.new')}
          </IconButton>
        ) : null
      }
    >
      {creating ? <CreateWatchListForm onCancel={() => setCreating(false)} /> : null}
      <AsyncList
        status={lists.status}
        error={lists.status === 'error' ? lists.error : undefined}
        items={lists.data?.items}
        loadFailed={t('riskRules.watchLists.loadFailed')}
        empty={<EmptyState icon="file" title={t('riskRules.watchLists.empty')} />}
      >
        {(items) => (
          <DataTable
            label={t('riskRules.watchLists.title')}
            testId="watch-lists"
            columns={[
              t('riskRules.watchLists.columns.name'),
              t('riskRules.watchLists.columns.entries'),
              t('riskRules.watchLists.columns.includes'),
              t('riskRules.watchLists.columns.updated'),
            ]}
            actionsLabel={t('riskRules.sets.columns.actions')}
          >
            {items.map((list) => (
              <tr key={list.name} data-testid={`watch-list-${list.name}`}>
                <th scope="row" className="table__primary">
                  <span className="stack">
                    <code>{list.name}</code>
                    {list.description ? <span className="small muted">{list.description}</span> : null}
                  </span>
                </th>
                <td>{new Intl.NumberFormat(i18n.language).format(list.entryCount)}</td>
                <td>{list.includes.length > 0 ? list.includes.join(', ') : '—'}</td>
                <td className="nowrap">
                  {formatDateTime(list.updatedAt, i18n.language)}
                  <span className="small muted"> · r{list.revision}</span>
                </td>
                <td className="table__actions">
                  <Link className="btn btn--secondary btn--small" to={`/risk/watch-lists/${list.name}`}>
                    {canEdit ? t('riskRules.rules.edit') : t('riskRules.rules.view')}
                    <span className="visually-hidden"> {list.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncList>
    </Panel>
  );
}

function CreateWatchListForm({ onCancel }: { onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [includes, setIncludes] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      name: name.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      entries: [],
      ...(includes.trim() ? { includes: splitNames(includes) } : {}),
    };
    const checked = WatchList.safeParse(body);
    if (!checked.success) {
      setProblems(contractProblems(checked.error));
      return;
    }
    setBusy(true);
    try {
      const created = await riskRulesApi.createWatchList(checked.data);
      notify(t('riskRules.watchLists.created', { name: created.name }));
      navigate(`/risk/watch-lists/${created.name}`);
    } catch (error) {
      setProblems(serverProblems(error));
      setFailure(errorMessage(t, error, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  const topLevel: Problems = {};
  for (const [path, message] of Object.entries(problems)) topLevel[path.split('.')[0] ?? path] ??= message;
  return (
    <form className="form inline-form" onSubmit={submit} noValidate data-testid="watch-list-create">
      <ErrorSummary failure={failure} errors={topLevel} fieldIdPrefix="watch-list-" />
      <div className="risk-rule-form__row">
        <TextField
          id="watch-list-name"
          label={t('riskRules.watchLists.columns.name')}
          hint={t('riskRules.watchLists.nameHint')}
          value={name}
          error={topLevel.name}
          onChange={(event) => setName(event.target.value)}
          spellCheck={false}
        />
        <TextField
          id="watch-list-description"
          label={t('riskRules.watchLists.fields.description')}
          value={description}
          error={topLevel.description}
          onChange={(event) => setDescription(event.target.value)}
        />
        <TextField
          id="watch-list-includes"
          label={t('riskRules.watchLists.columns.includes')}
          hint={t('riskRules.watchLists.includesHint')}
          value={includes}
          error={topLevel.includes}
          onChange={(event) => setIncludes(event.target.value)}
          spellCheck={false}
        />
      </div>
      <FormActions busy={busy} submitLabel={t('riskRules.watchLists.create')} onCancel={onCancel} />
    </form>
  );
}
