import type { WatchListDetail } from '@aeolus/contracts';
import { UpdateWatchList } from '@aeolus/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextAreaField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { errorMessage } from '../../lib/errors.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { useResource } from '../../lib/use-resource.js';
import { contractProblems, type Problems, serverProblems } from './problems.js';
import { riskRulesApi } from './risk-rules-api.js';
import {
  MAX_EDITABLE_ENTRIES,
  MAX_ENTRIES,
  MAX_ENTRY_LENGTH,
  parseEntries,
  splitNames,
} from './watch-list-entries.js';

/** One watch list: its description, included lists and entries (edited here up to a bounded size). */
export function WatchListPage({ canEdit }: { canEdit: boolean }) {
  const { name = '' } = useParams();
  const { t } = useTranslation();
  const list = useResource((signal) => riskRulesApi.getWatchList(name, signal), name);
  if (list.status === 'error')
    return <LoadError title={t('riskRules.watchLists.loadFailed')} error={list.error} />;
  if (!list.data) return <Loading label={t('common.loading')} block />;
  return <WatchListForm key={list.data.revision} list={list.data} canEdit={canEdit} onSaved={list.reload} />;
}

function WatchListForm({
  list,
  canEdit,
  onSaved,
}: {
  list: WatchListDetail;
  canEdit: boolean;
  onSaved(): void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const tooLarge = list.entries.length > MAX_EDITABLE_ENTRIES;
  const [description, setDescription] = useState(list.description ?? '');
  const [includes, setIncludes] = useState(list.includes.join(', '));
  const [text, setText] = useState(tooLarge ? '' : list.entries.join('\n'));
  const [fileEntries, setFileEntries] = useState<string[]>();
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useAsyncAction();
  const n = (v: number) => new Intl.NumberFormat(i18n.language).format(v);
  const parsed = parseEntries(text);
  const entries = fileEntries ?? (tooLarge ? list.entries : parsed.entries);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: Problems = {};
    if (!fileEntries && !tooLarge && parsed.tooLong.length > 0) {
      local.entries = t('riskRules.watchLists.tooLong', {
        max: MAX_ENTRY_LENGTH,
        lines: parsed.tooLong.slice(0, 5).join(', '),
      });
    }
    const body = {
      ...(description.trim() ? { description: description.trim() } : {}),
      entries,
      includes: splitNames(includes),
    };
    const checked = UpdateWatchList.safeParse(body);
    if (!checked.success) Object.assign(local, contractProblems(checked.error));
    if (Object.keys(local).length > 0) {
      setProblems(topLevel(local));
      return;
    }
    setBusy(true);
    try {
      await riskRulesApi.updateWatchList(list.name, body);
      notify(t('riskRules.watchLists.saved', { name: list.name }));
      onSaved();
    } catch (error) {
      setProblems(topLevel(serverProblems(error)));
      setFailure(errorMessage(t, error, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader
        eyebrow={<Link to="/risk/watch-lists">{t('riskRules.watchLists.title')}</Link>}
        title={list.name}
        lead={t('riskRules.watchLists.lead', { count: list.entryCount, revision: list.revision })}
        actions={
          canEdit ? (
            <button type="button" className="btn btn--danger" onClick={() => setConfirmDelete(true)}>
              {t('riskRules.version.delete')}
            </button>
          ) : null
        }
      />
      <Panel title={t('riskRules.watchLists.editTitle')}>
        <form className="form" onSubmit={submit} noValidate data-testid="watch-list-form">
          <ErrorSummary failure={failure} errors={problems} fieldIdPrefix="watch-list-" />
          <TextField
            id="watch-list-description"
            label={t('riskRules.watchLists.fields.description')}
            value={description}
            readOnly={!canEdit}
            error={problems.description}
            onChange={(event) => setDescription(event.target.value)}
          />
          <TextField
            id="watch-list-includes"
            label={t('riskRules.watchLists.columns.includes')}
            hint={t('riskRules.watchLists.includesHint')}
            value={includes}
            readOnly={!canEdit}
            error={problems.includes}
            onChange={(event) => setIncludes(event.target.value)}
            spellCheck={false}
          />
          {tooLarge || fileEntries ? (
            <Alert tone="info" title={t('riskRules.watchLists.fromFile', { count: n(entries.length) })}>
              <p>{t('riskRules.watchLists.largeHint', { max: n(MAX_EDITABLE_ENTRIES) })}</p>
              <p className="small">
                {entries.slice(0, 20).join(' · ')}
                {entries.length > 20 ? ' …' : ''}
              </p>
            </Alert>
          ) : (
            <TextAreaField
              id="watch-list-entries"
              label={t('riskRules.watchLists.fields.entries')}
              hint={t('riskRules.watchLists.entriesHint', {
                count: n(parsed.entries.length),
                duplicates: n(parsed.duplicates),
                max: n(MAX_EDITABLE_ENTRIES),
              })}
              rows={12}
              value={text}
              readOnly={!canEdit}
              error={problems.entries}
              spellCheck={false}
              onChange={(event) => setText(event.target.value)}
              data-testid="watch-list-entries"
            />
          )}
          {canEdit ? (
            <div className="form__actions">
              <label className="btn btn--secondary risk-file">
                {t('riskRules.watchLists.replaceFromFile')}
                <input
                  type="file"
                  accept=".txt,.csv,text/plain"
                  className="visually-hidden"
                  onChange={async (event) => {
                    const file = event.currentTarget.files?.[0];
                    event.currentTarget.value = '';
                    if (!file) return;
                    const read = parseEntries(await file.text());
                    if (read.entries.length > MAX_ENTRIES) {
                      setProblems({ entries: t('riskRules.watchLists.tooMany', { max: n(MAX_ENTRIES) }) });
                      return;
                    }
                    if (read.entries.length <= MAX_EDITABLE_ENTRIES) {
                      setFileEntries(undefined);
                      setText(read.entries.join('\n'));
                    } else setFileEntries(read.entries);
                  }}
                />
              </label>
              <FormActions
                busy={busy}
                submitLabel={t('riskRules.watchLists.save')}
                submitTestId="watch-list-save"
              />
            </div>
          ) : null}
        </form>
      </Panel>
      <ConfirmDialog
        open={confirmDelete}
        title={t('riskRules.watchLists.deleteTitle', { name: list.name })}
        confirmLabel={t('riskRules.version.delete')}
        busy={remove.busy}
        onCancel={() => {
          setConfirmDelete(false);
          remove.clearError();
        }}
        onConfirm={() =>
          remove.run(async () => {
            await riskRulesApi.deleteWatchList(list.name);
            notify(t('riskRules.watchLists.deleted', { name: list.name }));
            navigate('/risk/watch-lists');
          })
        }
      >
        <p>{t('riskRules.watchLists.deleteBody')}</p>
        {remove.error ? <Alert tone="error" title={remove.error} /> : null}
      </ConfirmDialog>
    </>
  );
}

/** A problem on `entries.41` belongs to the entries box. */
function topLevel(problems: Problems): Problems {
  const result: Problems = {};
  for (const [path, message] of Object.entries(problems)) {
    const top = path.split('.')[0] || path;
    result[top] ??= path === top ? message : `${path}: ${message}`;
  }
  return result;
}
