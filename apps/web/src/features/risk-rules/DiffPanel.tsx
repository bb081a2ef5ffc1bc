import type { RuleSetVersion } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Field.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Panel } from '../../components/Panel.js';
import { useResource } from '../../lib/use-resource.js';
import { riskRulesApi } from './risk-rules-api.js';
import { diffRuleSets } from './rule-set-diff.js';

/** The difference between this version and another (by default the published one, or the one before). */
export function DiffPanel({ data }: { data: RuleSetVersion }) {
  const { t } = useTranslation();
  const versions = useResource((signal) => riskRulesApi.listVersions(signal), `versions-${data.id}`);
  const others = (versions.data?.items ?? []).filter(
    (v) => v.id !== data.id && v.ruleSetId === data.ruleSetId,
  );
  const fallback =
    others.find((v) => v.status === 'published') ??
    others.find((v) => v.version === data.version - 1) ??
    others[0];
  const [chosen, setChosen] = useState<string>();
  const otherId = chosen ?? fallback?.id;
  const other = useResource(
    (signal) => (otherId ? riskRulesApi.getVersion(otherId, signal) : Promise.resolve(undefined)),
    `${otherId ?? 'none'}-${data.updatedAt}`,
  );

  if (versions.status !== 'error' && others.length === 0) return null;
  const before = other.data;
  const diff = before ? diffRuleSets(before.definition, data.definition) : undefined;
  return (
    <Panel title={t('riskRules.diff.title')} description={t('riskRules.diff.description')}>
      <div className="risk-diff" data-testid="rule-set-diff">
        <SelectField
          label={t('riskRules.diff.against')}
          value={otherId ?? ''}
          onChange={(event) => setChosen(event.target.value)}
          data-testid="rule-set-diff-against"
        >
          {others.map((v) => (
            <option key={v.id} value={v.id}>
              {v.ruleSetId}@{v.version} ({t(`riskRules.status.${v.status}`)})
            </option>
          ))}
        </SelectField>
        {other.status === 'error' ? (
          <LoadError title={t('riskRules.version.loadFailed')} error={other.error} />
        ) : null}
        {!diff && other.status === 'loading' ? <Loading label={t('common.loading')} /> : null}
        {diff && before ? (
          diff.isEmpty ? (
            <p>{t('riskRules.diff.none')}</p>
          ) : (
            <ul className="risk-diff__list">
              {diff.rules.changed.map(({ before: b, after: a, parts }) => (
                <li key={`c-${a.id}`} data-testid={`diff-changed-${a.id}`}>
                  <strong>{t('riskRules.diff.changed')}</strong> <code>{a.id}</code> {a.name} —{' '}
                  {parts.map((p) => t(`riskRules.diff.parts.${p}`)).join(', ')}
                  {parts.includes('weight') ? (
                    <span>
                      {' '}
                      ({b.weight} → {a.weight})
                    </span>
                  ) : null}
                </li>
              ))}
              {diff.rules.added.map((r) => (
                <li key={`a-${r.id}`}>
                  <strong>{t('riskRules.diff.added')}</strong> <code>{r.id}</code> {r.name}
                </li>
              ))}
              {diff.rules.removed.map((r) => (
                <li key={`r-${r.id}`}>
                  <strong>{t('riskRules.diff.removed')}</strong> <code>{r.id}</code> {r.name}
                </li>
              ))}
              {diff.decisionTables.changed.map(({ after: a, parts }) => (
                <li key={`tc-${a.id}`}>
                  <strong>{t('riskRules.diff.changed')}</strong> <code>{a.id}</code> {a.name} —{' '}
                  {parts.map((p) => t(`riskRules.diff.tableParts.${p}`)).join(', ')}
                </li>
              ))}
              {diff.decisionTables.added.map((d) => (
                <li key={`ta-${d.id}`}>
                  <strong>{t('riskRules.diff.added')}</strong> <code>{d.id}</code> {d.name}
                </li>
              ))}
              {diff.decisionTables.removed.map((d) => (
                <li key={`tr-${d.id}`}>
                  <strong>{t('riskRules.diff.removed')}</strong> <code>{d.id}</code> {d.name}
                </li>
              ))}
              {diff.watchLists.added.length + diff.watchLists.removed.length > 0 ? (
                <li>
                  <strong>{t('riskRules.version.watchLists')}</strong>{' '}
                  {[
                    ...diff.watchLists.added.map((l) => `+${l}`),
                    ...diff.watchLists.removed.map((l) => `−${l}`),
                  ].join(', ')}
                </li>
              ) : null}
            </ul>
          )
        ) : null}
      </div>
    </Panel>
  );
}
