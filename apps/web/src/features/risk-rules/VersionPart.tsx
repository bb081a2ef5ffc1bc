import type { RuleSet, RuleSetVersion } from '@aeolus/contracts';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { errorMessage } from '../../lib/errors.js';
import { useResource } from '../../lib/use-resource.js';
import { type Problems, problemsUnder, serverProblems } from './problems.js';
import { draftOf } from './RuleSetVersionPage.js';
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

type PartKey = 'rules' | 'decisionTables';

/**
 * Saving one rule or decision table of a draft: the draft is sent back whole with this part put in its place
 * (appended when new), then the editor returns to the version. Problems found in the browser or by the
 * server are kept by path for the fields and the error summary; the server's problems under this part are
 * shown on its fields, others as they are.
 */
export function usePartSave<K extends PartKey>(
  version: RuleSetVersion,
  key: K,
  part: { id: string } | undefined,
) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const back = `/risk/rule-sets/${version.id}`;
  const parts: readonly RuleSet[K][number][] = version.definition[key];
  const index = part ? parts.findIndex((p) => p.id === part.id) : parts.length;

  const fail = (next: Problems, message?: string) => {
    setProblems(next);
    setFailure(message);
    requestAnimationFrame(() => summary.current?.focus());
  };

  async function save(next: RuleSet[K][number], savedMessage: string) {
    const list = [...parts];
    list[index] = next;
    setBusy(true);
    try {
      await riskRulesApi.updateDraft(version.id, draftOf({ ...version.definition, [key]: list }));
      notify(savedMessage);
      navigate(back);
    } catch (error) {
      const server = serverProblems(error);
      const mine = problemsUnder(server, `${key}.${index}`);
      fail(Object.keys(mine).length > 0 ? mine : server, errorMessage(t, error, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return { problems, failure, busy, summary, back, parts, index, fail, save };
}
