import type { SaqVersionSummary } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { AsyncList } from '../../components/AsyncList.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { IconButton } from '../../components/IconButton.js';
import { useNotices } from '../../components/Notices.js';
import { Panel } from '../../components/Panel.js';
import { formatDate } from '../../lib/format.js';
import { useResource } from '../../lib/use-resource.js';
import { useLanguage } from './ProgrammeForm.js';
import { SaqDefinitionForm } from './SaqDefinitionForm.js';
import type { VersionsApi } from './versions-api.js';

const STATUS_TONE: Record<SaqVersionSummary['status'], BadgeTone> = {
  draft: 'warning',
  published: 'success',
  retired: 'neutral',
};

/** Status, and whether the programme gives this version to new applications. */
export function SaqStatusBadges({ version }: { version: SaqVersionSummary }) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      <Badge tone={STATUS_TONE[version.status]}>{t(`aeoProgramme.saq.status.${version.status}`)}</Badge>
      {version.isInUse ? <Badge tone="accent">{t('aeoProgramme.saq.inUse')}</Badge> : null}
      {version.isShipped ? <Badge>{t('aeoProgramme.saq.shipped')}</Badge> : null}
    </span>
  );
}

/**
 * What differs between questionnaire kinds on the versions pages: the list title and description and the
 * name of what pins a version (AEO applications, SAFE campaigns). Defaults: the SAQ's.
 */
export interface VersionTexts {
  title?: string;
  description?: string;
  usage?: string;
  back?: string;
  eyebrow?: string;
  published?: string;
  frozen?: string;
  confirmPublishBody?: string;
  confirmRetireBody?: string;
  confirmDeleteBody?: string;
  contentHint?: string;
}

/**
 * The versions of a questionnaire: the shipped default and the owner's own, with a new draft for those who
 * may edit (the AEO programme's SAQ, the secretariat's SAFE monitoring questionnaire).
 */
export function SaqVersionsPage({
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
  const navigate = useNavigate();
  const { notify } = useNotices();
  const versions = useResource((signal) => api.list(signal), api.pagePath);
  const [creating, setCreating] = useState(false);

  return (
    <Panel
      title={texts.title ?? t('aeoProgramme.saq.title')}
      description={texts.description ?? t('aeoProgramme.saq.description')}
      actions={
        canEdit && !creating ? (
          <IconButton icon="plus" onClick={() => setCreating(true)}>
            {t('aeoProgramme.saq.new')}
          </IconButton>
        ) : null
      }
    >
      {creating ? (
        <SaqDefinitionForm
          title={t('aeoProgramme.saq.form.createTitle')}
          submitLabel={t('aeoProgramme.saq.form.create')}
          onCancel={() => setCreating(false)}
          onSubmit={async (definition) => {
            const created = await api.create(definition);
            notify(t('aeoProgramme.saq.created', { version: created.version }));
            navigate(`${api.pagePath}/${created.id}`);
            return created;
          }}
        />
      ) : null}
      <AsyncList
        status={versions.status}
        error={versions.status === 'error' ? versions.error : undefined}
        items={versions.data?.items}
        loadFailed={t('aeoProgramme.saq.loadFailed')}
        empty={<EmptyState icon="file" title={t('aeoProgramme.saq.empty')} />}
      >
        {(items) => (
          <DataTable
            label={texts.title ?? t('aeoProgramme.saq.title')}
            testId="saq-versions-table"
            columns={[
              t('aeoProgramme.saq.columns.version'),
              t('aeoProgramme.saq.columns.status'),
              t('aeoProgramme.saq.columns.questions'),
              texts.usage ?? t('aeoProgramme.saq.columns.applications'),
              t('aeoProgramme.saq.columns.published'),
            ]}
            actionsLabel={t('aeoProgramme.saq.columns.actions')}
          >
            {items.map((version) => (
              <tr key={version.id} data-testid={`saq-version-${version.definitionId}-${version.version}`}>
                <th scope="row" className="table__primary">
                  <span className="stack">
                    <span>{version.title[language]}</span>
                    <code className="small">
                      {version.definitionId}@{version.version}
                    </code>
                  </span>
                </th>
                <td>
                  <SaqStatusBadges version={version} />
                </td>
                <td className="nowrap">
                  {api.smeVariant
                    ? t('aeoProgramme.saq.questionCounts', {
                        standard: version.questionCount.standard,
                        sme: version.questionCount.sme,
                      })
                    : t('aeoProgramme.saq.questionCount', { count: version.questionCount.standard })}
                </td>
                <td>{version.applicationCount}</td>
                <td className="nowrap">
                  {version.publishedAt ? formatDate(version.publishedAt, i18n.language) : '—'}
                </td>
                <td className="table__actions">
                  <span className="form__actions">
                    <Link className="btn btn--secondary btn--small" to={`${api.pagePath}/${version.id}`}>
                      {t('aeoProgramme.saq.open')}
                      <span className="visually-hidden">
                        {' '}
                        {version.definitionId}@{version.version}
                      </span>
                    </Link>
                    <a className="btn btn--secondary btn--small" href={api.downloadUrl(version.id)} download>
                      {t('aeoProgramme.saq.download')}
                      <span className="visually-hidden">
                        {' '}
                        {version.definitionId}@{version.version}
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
