import type { RuleSet, RuleSetVersion } from '@aeolus/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useResource } from '../../lib/use-resource.js';
import { riskRulesApi } from './risk-rules-api.js';

export interface VersionPartProps<T> {
  version: RuleSetVersion;
  /** Undefined when the route says `new`. */
  part: T | undefined;
  /** Published and retired versions never change; readers never edit. */
  readOnly: boolean;
  watchLists: string[];
}

/**
 * Loads the version of the route (`:id`) and one of its rules or decision tables (`:partId`) for an editor,
 * with the watch-list names the editor offers.
 */
export function VersionPart<T extends { id: string }>({
  canEdit,
  parts,
  children,
}: {
  canEdit: boolean;
  parts(definition: RuleSet): readonly T[];
  children(props: VersionPartProps<T> & { key: string }): ReactNode;
}) {
  const { id = '', partId = '' } = useParams();
  const { t } = useTranslation();
  const version = useResource((signal) => riskRulesApi.getVersion(id, signal), id);
  const watchLists = useResource((signal) => riskRulesApi.listWatchLists(signal), 'watch-lists');
  if (version.status === 'error') {
    return <LoadError title={t('riskRules.version.loadFailed')} error={version.error} />;
  }
  if (!version.data) return <Loading label={t('common.loading')} block />;
  const part = parts(version.data.definition).find((p) => p.id === partId);
  if (partId !== 'new' && !part) {
    return <LoadError title={t('riskRules.rules.notFound', { id: partId })} error={undefined} />;
  }
  return children({
    key: `${version.data.id}-${partId}`,
    version: version.data,
    part,
    readOnly: !canEdit || version.data.status !== 'draft',
    watchLists: (watchLists.data?.items ?? []).map((l) => l.name),
  });
}
