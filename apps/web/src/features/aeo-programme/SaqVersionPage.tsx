import type { QuestionnaireDefinition } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { ChoiceRow } from '../../components/ChoiceRow.js';
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
import { SaqDefinitionForm } from './SaqDefinitionForm.js';
import { SaqDefinitionView } from './SaqDefinitionView.js';
import { SaqStatusBadges, type VersionTexts } from './SaqVersionsPage.js';
import type { VersionsApi } from './versions-api.js';

type Pending = 'publish' | 'retire' | 'delete' | undefined;
type Variant = 'standard' | 'sme';

/**
 * One questionnaire version: what it is, both variants read-only, and for those who may edit its
 * lifecycle actions, and a copy of it as a new draft.
 */
export function SaqVersionPage({
  canEdit,
  api,
  texts = {},
}: {
  canEdit: boolean;
  api: VersionsApi;
  texts?: VersionTexts;
}) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const version = useResource((signal) => api.get(id, signal), id);
  const [pending, setPending] = useState<Pending>();
  const [replacing, setReplacing] = useState(false);
  const [copying, setCopying] = useState(false);
  const [variant, setVariant] = useState<Variant>('standard');
  const action = useAsyncAction();
  const data = version.data;
  const label = data ? `${data.definitionId}@${data.version}` : '';
  const own = data ? !data.isShipped : false;

  function confirm() {
    if (!pending || !data) return;
    return action.run(async () => {
      if (pending === 'publish') {
        await api.publish(id);
        notify(texts.published ?? t('aeoProgramme.saq.published', { version: data.version }));
      } else if (pending === 'retire') {
        await api.retire(id);
        notify(t('aeoProgramme.saq.retired', { version: data.version }));
      } else {
        await api.remove(id);
        notify(t('aeoProgramme.saq.deleted', { version: data.version }));
        navigate(api.pagePath);
      }
      setPending(undefined);
      version.reload();
    });
  }

  const dialog = {
    publish: {
      title: t('aeoProgramme.saq.confirmPublish', { version: label }),
      body: texts.confirmPublishBody ?? t('aeoProgramme.saq.confirmPublishBody'),
      label: t('aeoProgramme.saq.publish'),
    },
    retire: {
      title: t('aeoProgramme.saq.confirmRetire', { version: label }),
      body: texts.confirmRetireBody ?? t('aeoProgramme.saq.confirmRetireBody'),
      label: t('aeoProgramme.saq.retire'),
    },
    delete: {
      title: t('aeoProgramme.saq.confirmDelete', { version: label }),
      body: texts.confirmDeleteBody ?? t('aeoProgramme.saq.confirmDeleteBody'),
      label: t('aeoProgramme.saq.delete'),
    },
  };

  return (
    <>
      <p>
        <Link to={api.pagePath} className="back-link">
          <Icon name="arrowLeft" size={16} />
          {texts.back ?? t('aeoProgramme.saq.back')}
        </Link>
      </p>
      <PageHeader
        eyebrow={texts.eyebrow ?? t('aeoProgramme.saq.eyebrow')}
        title={data ? data.title[language] : (texts.title ?? t('aeoProgramme.saq.title'))}
        actions={
          data ? (
            <>
              <a
                className="btn btn--secondary"
                href={api.downloadUrl(data.id)}
                download
                data-testid="saq-download"
              >
                {t('aeoProgramme.saq.download')}
              </a>
              {canEdit && data.status !== 'draft' && !copying ? (
                <button
                  type="button"
                  className="btn btn--secondary"
                  onClick={() => setCopying(true)}
                  data-testid="saq-copy"
                >
                  {t('aeoProgramme.saq.copy')}
                </button>
              ) : null}
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
          {copying ? (
            <SaqDefinitionForm
              title={t('aeoProgramme.saq.form.copyTitle', { version: label })}
              submitLabel={t('aeoProgramme.saq.form.create')}
              initialText={JSON.stringify(data.definition, null, 2)}
              onCancel={() => setCopying(false)}
              onSubmit={async (definition) => {
                const created = await api.create(definition);
                notify(t('aeoProgramme.saq.created', { version: created.version }));
                setCopying(false);
                navigate(`${api.pagePath}/${created.id}`);
                return created;
              }}
            />
          ) : null}
          {replacing ? (
            <SaqDefinitionForm
              title={t('aeoProgramme.saq.form.replaceTitle')}
              submitLabel={t('aeoProgramme.saq.form.replace')}
              initialText={JSON.stringify(data.definition, null, 2)}
              onCancel={() => setReplacing(false)}
              onSubmit={async (definition) => {
                const saved = await api.replace(data.id, definition);
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
                <dt>{texts.usage ?? t('aeoProgramme.saq.columns.applications')}</dt>
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
                  {api.smeVariant
                    ? t('aeoProgramme.saq.questionCounts', {
                        standard: data.questionCount.standard,
                        sme: data.questionCount.sme,
                      })
                    : t('aeoProgramme.saq.questionCount', { count: data.questionCount.standard })}
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
              <p className="panel__note muted small">{texts.frozen ?? t('aeoProgramme.saq.frozen')}</p>
            ) : null}
          </Panel>
          <Panel
            title={t('aeoProgramme.saq.content')}
            description={texts.contentHint ?? t('aeoProgramme.saq.contentHint')}
            actions={
              api.smeVariant ? (
                <fieldset className="fieldset">
                  <legend className="visually-hidden">{t('aeoProgramme.saq.variant')}</legend>
                  <ChoiceRow
                    name="saq-variant"
                    options={['standard', 'sme'] as const}
                    value={variant}
                    onChange={setVariant}
                    label={(option) => (
                      <span>
                        {t(`aeoProgramme.saq.variants.${option}`, { count: data.variants[option].length })}
                      </span>
                    )}
                    testId={(option) => `saq-variant-${option}`}
                  />
                </fieldset>
              ) : undefined
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
