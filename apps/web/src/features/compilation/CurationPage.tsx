import {
  COMPILATION_BENEFITS,
  COMPILATION_OPERATOR_ROLES,
  type CuratedProgramme,
  type CuratedProgrammeInput,
} from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { TextAreaField } from '../../components/Field.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { api } from '../../lib/api.js';
import { useSignedIn } from '../../lib/session.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { useResource } from '../../lib/use-resource.js';
import { CurationForm } from './CurationForm.js';
import { compilationApi } from './compilation-api.js';
import './compilation.css';

const TONES: Record<CuratedProgramme['reviewState'], BadgeTone> = {
  draft: 'neutral',
  submitted: 'info',
  published: 'success',
  rejected: 'warning',
};

export function toInput(entry: CuratedProgramme): CuratedProgrammeInput {
  const p = entry.programme;
  return {
    country: p.country,
    name: p.name,
    ...(p.localName ? { localName: p.localName } : {}),
    administration: p.administration,
    type: p.type,
    status: p.status,
    ...(p.launchYear !== null ? { launchYear: p.launchYear } : {}),
    operatorRoles: p.operatorRoles.filter((r) =>
      (COMPILATION_OPERATOR_ROLES as readonly string[]).includes(r),
    ) as CuratedProgrammeInput['operatorRoles'],
    criteria: p.criteria,
    benefits: p.benefits.filter((b) =>
      (COMPILATION_BENEFITS as readonly string[]).includes(b),
    ) as CuratedProgrammeInput['benefits'],
    ...(p.reassessment ? { reassessment: p.reassessment } : {}),
    ...(p.aeoCount !== null ? { aeoCount: p.aeoCount } : {}),
    ...(p.website ? { website: p.website } : {}),
    ...(p.contact ? { contact: p.contact } : {}),
    sources: p.sources,
  };
}

/**
 * Curation of the public compilation (issue 5 §9): an administration keeps its country's entry up to
 * date and submits it; the secretariat reviews the queue and publishes or returns each entry.
 */
export function CurationPage() {
  const { t } = useTranslation();
  const { roles } = useSignedIn();
  const isSecretariat = roles.includes('secretariat_analyst');
  const [version, setVersion] = useState(0);
  const entries = useResource((signal) => compilationApi.entries(undefined, signal), `entries-${version}`);
  const organisation = useResource((signal) => api.currentOrganisation(signal), 'organisation');
  const [editing, setEditing] = useState<CuratedProgramme | 'new' | undefined>();
  const { notify } = useNotices();
  const action = useAsyncAction();
  const reload = () => setVersion((v) => v + 1);
  const [returning, setReturning] = useState<CuratedProgramme>();
  const returnAction = useAsyncAction();
  const [comment, setComment] = useState('');

  const act = (work: () => Promise<unknown>, message: string) =>
    action.run(async () => {
      await work();
      notify(message);
      reload();
    });

  const queue = entries.data?.items.filter((e) => e.reviewState === 'submitted') ?? [];

  /** Returns the entry with the reason; the server names what is wrong with it (e.g. an empty reason). */
  const confirmReturn = () => {
    const entry = returning;
    if (!entry) return;
    return returnAction.run(async () => {
      await compilationApi.review({ entryId: entry.id, decision: 'reject', comment: comment.trim() });
      notify(t('compilation.curation.rejected'));
      setReturning(undefined);
      setComment('');
      reload();
    });
  };

  return (
    <>
      <PageHeader
        title={t('compilation.curation.title')}
        lead={t('compilation.curation.lead')}
        actions={
          <>
            <Link className="btn btn--secondary" to="/compilation">
              {t('compilation.curation.publicLink')}
            </Link>
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => setEditing('new')}
              // A new entry starts from the administration's country and name: wait until they are known
              // (a form opened earlier kept an empty country).
              disabled={organisation.status === 'loading'}
              data-testid="curation-new"
            >
              {t('compilation.curation.new')}
            </button>
          </>
        }
      />
      {action.error ? (
        <p className="field__error" role="alert">
          {action.error}
        </p>
      ) : null}
      {editing ? (
        <CurationForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={
            editing === 'new'
              ? {
                  country: organisation.data?.country ?? '',
                  name: '',
                  administration: organisation.data?.name ?? '',
                  type: 'aeo',
                  status: 'operational',
                }
              : toInput(editing)
          }
          onCancel={() => setEditing(undefined)}
          onSave={async (input) => {
            if (editing === 'new') await compilationApi.create(input);
            else await compilationApi.update(editing.id, input);
            notify(t('compilation.curation.saved'));
            setEditing(undefined);
            reload();
          }}
        />
      ) : null}
      {isSecretariat ? (
        <Panel title={t('compilation.curation.queue')}>
          {queue.length === 0 ? (
            <p>{t('compilation.curation.queueEmpty')}</p>
          ) : (
            <ul className="compilation__list" data-testid="curation-queue">
              {queue.map((entry) => (
                <li key={entry.id} data-testid={`queue-${entry.id}`}>
                  <strong>{entry.programme.name}</strong> ({entry.programme.country}) — {entry.curatedByName}
                  <div className="curation__actions">
                    <button
                      type="button"
                      className="btn btn--primary btn--small"
                      disabled={action.busy}
                      onClick={() =>
                        act(
                          () => compilationApi.review({ entryId: entry.id, decision: 'publish' }),
                          t('compilation.curation.published'),
                        )
                      }
                      data-testid={`publish-${entry.id}`}
                    >
                      {t('compilation.curation.publish')}
                    </button>
                    <button
                      type="button"
                      className="btn btn--secondary btn--small"
                      disabled={action.busy}
                      onClick={() => {
                        returnAction.clearError();
                        setReturning(entry);
                      }}
                      data-testid={`return-${entry.id}`}
                    >
                      {t('compilation.curation.reject')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      ) : null}
      <ConfirmDialog
        open={returning !== undefined}
        title={t('compilation.curation.returnTitle', { name: returning?.programme.name ?? '' })}
        confirmLabel={t('compilation.curation.reject')}
        tone="primary"
        busy={returnAction.busy}
        confirmTestId="curation-return-confirm"
        onConfirm={() => void confirmReturn()}
        onCancel={() => setReturning(undefined)}
      >
        <TextAreaField
          id="curation-return-comment"
          label={t('compilation.curation.rejectComment')}
          error={returnAction.fieldErrors.comment ?? returnAction.error}
          value={comment}
          required
          maxLength={2000}
          onChange={(e) => setComment(e.target.value)}
        />
      </ConfirmDialog>
      <Panel title={t('compilation.curation.entries')}>
        {entries.status === 'error' ? (
          <LoadError title={t('compilation.list.loadError')} error={entries.error} />
        ) : !entries.data ? (
          <Loading label={t('compilation.list.loading')} />
        ) : entries.data.items.length === 0 ? (
          <EmptyState icon="globe" title={t('compilation.curation.empty')} />
        ) : (
          <DataTable
            label={t('compilation.curation.entries')}
            testId="curation-entries"
            columns={[
              t('compilation.list.country'),
              t('compilation.list.programme'),
              t('compilation.curation.state'),
            ]}
            actionsLabel={t('compilation.curation.actions')}
          >
            {entries.data.items.map((entry) => (
              <tr key={entry.id} data-testid={`entry-${entry.id}`}>
                <td>{entry.programme.country}</td>
                <td>
                  {entry.reviewState === 'published' ? (
                    <Link to={`/compilation/programmes/${entry.id}`}>{entry.programme.name}</Link>
                  ) : (
                    entry.programme.name
                  )}
                  {entry.reviewState === 'rejected' && entry.reviewComment ? (
                    <p className="compilation__hint">
                      {t('compilation.curation.comment', { comment: entry.reviewComment })}
                    </p>
                  ) : null}
                </td>
                <td>
                  <Badge tone={TONES[entry.reviewState]}>
                    {t(`compilation.review.${entry.reviewState}`)}
                  </Badge>
                </td>
                <td>
                  <div className="curation__actions">
                    {entry.reviewState !== 'submitted' ? (
                      <button
                        type="button"
                        className="btn btn--secondary btn--small"
                        onClick={() => setEditing(entry)}
                      >
                        {t('compilation.curation.edit')}
                        <span className="visually-hidden"> {entry.programme.name}</span>
                      </button>
                    ) : null}
                    {entry.reviewState === 'draft' || entry.reviewState === 'rejected' ? (
                      <button
                        type="button"
                        className="btn btn--primary btn--small"
                        disabled={action.busy}
                        onClick={() =>
                          act(() => compilationApi.submit(entry.id), t('compilation.curation.submitted'))
                        }
                        data-testid={`submit-${entry.id}`}
                      >
                        {t('compilation.curation.submit')}
                        <span className="visually-hidden"> {entry.programme.name}</span>
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
    </>
  );
}
