import type { QuestionnaireDefinition } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Icon } from '../../components/Icon.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { formatDateTime } from '../../lib/format.js';
import { useAsyncAction } from '../../lib/use-async-action.js';
import { useResource } from '../../lib/use-resource.js';
import { useLanguage } from './ProgrammeForm.js';
import { programmeApi } from './programme-api.js';
import { SaqDefinitionForm } from './SaqDefinitionForm.js';
import { SaqDefinitionView } from './SaqDefinitionView.js';
import { SaqStatusBadges } from './SaqVersionsPage.js';

type Pending = 'publish' | 'retire' | 'delete' | undefined;
type Variant = 'standard' | 'sme';

/** One SAQ version: what it is, both variants read-only, and for admins its lifecycle actions. */
export function SaqVersionPage({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const version = useResource((signal) => programmeApi.getSaqVersion(id, signal), id);
  const [pending, setPending] = useState<Pending>();
  const [replacing, setReplacing] = useState(false);
  const [variant, setVariant] = useState<Variant>('standard');
  const action = useAsyncAction();
  const data = version.data;
  const label = data ? `${data.definitionId}@${data.version}` : '';
  const own = data ? !data.isShipped : false;

  function confirm() {
    if (!pending || !data) return;
    return action.run(async () => {
      if (pending === 'publish') {
        await programmeApi.publishSaqVersion(id);
        notify(t('aeoProgramme.saq.published', { version: data.version }));
      } else if (pending === 'retire') {
        await programmeApi.retireSaqVersion(id);
        notify(t('aeoProgramme.saq.retired', { version: data.version }));
      } else {
        await programmeApi.deleteSaqVersion(id);
        notify(t('aeoProgramme.saq.deleted', { version: data.version }));
        navigate('/aeo/programme/saq');
      }
      setPending(undefined);
      version.reload();
    });
  }

  const dialog = {
    publish: {
      title: t('aeoProgramme.saq.confirmPublish', { version: label }),
      body: t('aeoProgramme.saq.confirmPublishBody'),
      label: t('aeoProgramme.saq.publish'),
    },
    retire: {
      title: t('aeoProgramme.saq.confirmRetire', { version: label }),
      body: t('aeoProgramme.saq.confirmRetireBody'),
      label: t('aeoProgramme.saq.retire'),
    },
    delete: {
      title: t('aeoProgramme.saq.confirmDelete', { version: label }),
      body: t('aeoProgramme.saq.confirmDeleteBody'),
      label: t('aeoProgramme.saq.delete'),
    },
  };

  return (
    <>
      <p>
        <Link to="/aeo/programme/saq" className="back-link">
          <Icon name="arrowLeft" size={16} />
          {t('aeoProgramme.saq.back')}
        </Link>
      </p>
      <PageHeader
        eyebrow={t('aeoProgramme.saq.eyebrow')}
        title={data ? data.title[language] : t('aeoProgramme.saq.title')}
        actions={
          data ? (
            <>
              <a
                className="btn btn--secondary"
                href={programmeApi.saqDownloadUrl(data.id)}
                download
                data-testid="saq-download"
              >
                {t('aeoProgramme.saq.download')}
              </a>
              {canEdit && own && data.status === 'draft' ? (
                <>
                  <button
                    type="button"
                    className="btn btn--secondary"
                    onClick={() => setReplacing(true)}
                    data-testid="saq-replace"
                  >
                    {t('aeoProgramme.saq.replace')}
                  </button>
                  <button
                    type="button"
                    className="btn btn--danger"
                    onClick={() => setPending('delete')}
                    data-testid="saq-delete"
                  >
                    {t('aeoProgramme.saq.delete')}
                  </button>
                  <button
                    type="button"
                    className="btn btn--primary"
                    onClick={() => setPending('publish')}
                    data-testid="saq-publish"
                  >
                    {t('aeoProgramme.saq.publish')}
                  </button>
                </>
              ) : null}
              {canEdit && own && data.status === 'published' && !data.isInUse ? (
                <button
                  type="button"
                  className="btn btn--secondary"
                  onClick={() => setPending('retire')}
                  data-testid="saq-retire"
                >
                  {t('aeoProgramme.saq.retire')}
                </button>
              ) : null}
            </>
          ) : null
        }
      />
      {version.status === 'error' ? (
        <LoadError title={t('aeoProgramme.saq.loadFailed')} error={version.error} />
      ) : null}
      {version.status === 'loading' && !data ? <Loading label={t('common.loading')} block /> : null}
      {action.error && !pending ? <Alert tone="error" title={action.error} /> : null}
      {data ? (
        <>
          {replacing ? (
            <SaqDefinitionForm
              title={t('aeoProgramme.saq.form.replaceTitle')}
              submitLabel={t('aeoProgramme.saq.form.replace')}
              initialText={JSON.stringify(data.definition, null, 2)}
              onCancel={() => setReplacing(false)}
              onSubmit={async (definition) => {
                const saved = await programmeApi.replaceSaqVersion(data.id, definition);
                notify(t('aeoProgramme.saq.replaced', { version: saved.version }));
                setReplacing(false);
                version.reload();
                return saved;
              }}
            />
          ) : null}
          <Panel title={t('aeoProgramme.saq.details')}>
            <dl className="facts facts--columns" data-testid="saq-details">
              <div>
                <dt>{t('aeoProgramme.saq.identifier')}</dt>
                <dd>
                  <code data-testid="saq-identifier">{label}</code>
                </dd>
              </div>
              <div>
                <dt>{t('aeoProgramme.saq.columns.status')}</dt>
                <dd>
                  <SaqStatusBadges version={data} />
                </dd>
              </div>
              <div>
                <dt>{t('aeoProgramme.saq.columns.applications')}</dt>
                <dd>{data.applicationCount}</dd>
              </div>
              <div>
                <dt>{t('aeoProgramme.saq.createdAt')}</dt>
                <dd>{formatDateTime(data.createdAt, i18n.language)}</dd>
              </div>
              <div>
                <dt>{t('aeoProgramme.saq.columns.published')}</dt>
                <dd>{data.publishedAt ? formatDateTime(data.publishedAt, i18n.language) : '—'}</dd>
              </div>
              <div>
                <dt>{t('aeoProgramme.saq.sections')}</dt>
                <dd>{data.sectionCount}</dd>
              </div>
              <div>
                <dt>{t('aeoProgramme.saq.columns.questions')}</dt>
                <dd>
                  {t('aeoProgramme.saq.questionCounts', {
                    standard: data.questionCount.standard,
                    sme: data.questionCount.sme,
                  })}
                </dd>
              </div>
              <div className="facts__wide">
                <dt>{t('aeoProgramme.saq.fingerprint')}</dt>
                <dd>
                  <code className="break small">{data.fingerprint}</code>
                </dd>
              </div>
            </dl>
            {data.status !== 'draft' ? (
              <p className="panel__note muted small">{t('aeoProgramme.saq.frozen')}</p>
            ) : null}
          </Panel>
          <Panel
            title={t('aeoProgramme.saq.content')}
            description={t('aeoProgramme.saq.contentHint')}
            actions={
              <fieldset className="fieldset">
                <legend className="visually-hidden">{t('aeoProgramme.saq.variant')}</legend>
                <div className="choice-row">
                  {(['standard', 'sme'] as const).map((option) => (
                    <label key={option} className="choice">
                      <input
                        type="radio"
                        name="saq-variant"
                        value={option}
                        checked={variant === option}
                        onChange={() => setVariant(option)}
                        data-testid={`saq-variant-${option}`}
                      />
                      <span>
                        {t(`aeoProgramme.saq.variants.${option}`, { count: data.variants[option].length })}
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            }
          >
            <SaqDefinitionView
              definition={data.definition as unknown as QuestionnaireDefinition}
              questionIds={data.variants[variant]}
              language={language}
            />
          </Panel>
        </>
      ) : null}
      <ConfirmDialog
        open={pending !== undefined}
        title={pending ? dialog[pending].title : ''}
        confirmLabel={pending ? dialog[pending].label : ''}
        tone={pending === 'publish' ? 'primary' : 'danger'}
        busy={action.busy}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setPending(undefined);
          action.clearError();
        }}
        confirmTestId="saq-confirm"
      >
        {pending ? <p>{dialog[pending].body}</p> : null}
        {action.error ? <Alert tone="error" title={action.error} /> : null}
      </ConfirmDialog>
    </>
  );
}
