import type { AuditEntry } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { formatDateTime } from '../../lib/format.js';
import { shortHash, summarise } from './audit-summary.js';

/** Lets a long email wrap after the @ rather than at an arbitrary letter. */
function breakAfterAt(label: string) {
  const at = label.indexOf('@');
  if (at < 0) return label;
  return (
    <>
      {label.slice(0, at + 1)}
      <wbr />
      {label.slice(at + 1)}
    </>
  );
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const actionLabel = (action: string) => {
    const key = `auditActions.${action}`;
    return i18n.exists(key) ? (t as (k: string) => string)(key) : undefined;
  };
  return (
    <DataTable
      label={t('audit.results')}
      testId="audit-table"
      dense
      columns={[
        t('audit.columns.time'),
        t('audit.columns.actor'),
        t('audit.columns.action'),
        t('audit.columns.subject'),
        t('audit.columns.changes'),
        t('audit.columns.hash'),
      ]}
    >
      {entries.map((entry) => {
        const view = summarise(entry.summary, (iso) => formatDateTime(iso, i18n.language));
        const label = actionLabel(entry.action);
        return (
          <tr key={entry.id} data-seq={entry.seq}>
            <td className="nowrap">
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, i18n.language)}</time>
              <span className="muted small block">#{entry.seq}</span>
            </td>
            <td>
              <span className="stack">
                <span className="actor-label">{breakAfterAt(entry.actorLabel)}</span>
                <span>
                  <Badge tone={entry.actorType === 'user' ? 'info' : 'neutral'}>
                    {t(`audit.actorTypes.${entry.actorType}`)}
                  </Badge>
                </span>
              </span>
            </td>
            <td>
              <span className="stack">
                {label ? <span>{label}</span> : null}
                <code className="code-chip" data-testid="audit-action">
                  {entry.action}
                </code>
              </span>
            </td>
            <td>
              <span className="stack">
                <span>{entry.subjectType}</span>
                {entry.subjectId ? (
                  <code className="muted small" title={entry.subjectId}>
                    {shortHash(entry.subjectId, 8)}
                  </code>
                ) : null}
              </span>
            </td>
            <td className="changes">
              {view.note ? <p className="changes__note">{view.note}</p> : null}
              {view.changes.length > 0 ? (
                <dl className="changes__list">
                  {view.changes.map((change) => (
                    <div key={change.field} className="changes__row">
                      <dt>{change.field}</dt>
                      <dd>
                        {change.before !== undefined ? (
                          <>
                            <del>
                              <span className="visually-hidden">{t('audit.before')} </span>
                              {change.before}
                            </del>
                            {change.after !== undefined ? <span aria-hidden="true"> → </span> : null}
                          </>
                        ) : null}
                        {change.after !== undefined ? (
                          <ins>
                            <span className="visually-hidden">{t('audit.after')} </span>
                            {change.after}
                          </ins>
                        ) : null}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              {view.extra ? <code className="small">{view.extra}</code> : null}
              {!view.note && view.changes.length === 0 && !view.extra ? (
                <span className="muted">—</span>
              ) : null}
            </td>
            <td>
              <code className="hash" title={entry.hash}>
                {shortHash(entry.hash)}
              </code>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
