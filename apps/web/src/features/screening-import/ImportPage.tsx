import { LANES, type Lane, roleAllows, type ScreeningImportResult } from '@aeolus/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { TableScroll } from '../../components/TableScroll.js';
import { ApiError } from '../../lib/api.js';
import { useSignedIn } from '../../lib/session.js';
import { LaneBadge } from '../risk-results/LaneBadge.js';
import { uploadConsignmentCsv } from './import-api.js';
import './screening-import.css';

type State =
  | { kind: 'idle' }
  | { kind: 'uploading'; fraction: number }
  | { kind: 'done'; result: ScreeningImportResult }
  | { kind: 'failed'; error: ApiError };

/**
 * CSV filing of consignments, the filer's side of screening at /operator/filings (issue 4 item 2; format in docs/screening-import.md): choose a file, upload
 * it, and read what happened to each consignment — its lane, or the rows and columns to fix.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const { roles } = useSignedIn();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [missingFile, setMissingFile] = useState(false);
  const n = (value: number) => value.toLocaleString(i18n.language);
  const canReadResults = roleAllows(roles, 'screening-results:read');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setMissingFile(!file);
    if (!file) return;
    setState({ kind: 'uploading', fraction: 0 });
    try {
      const result = await uploadConsignmentCsv(file, (fraction) =>
        setState({ kind: 'uploading', fraction }),
      );
      setState({ kind: 'done', result });
    } catch (error) {
      setState({
        kind: 'failed',
        error:
          error instanceof ApiError
            ? error
            : new ApiError({ status: 0, code: 'UNEXPECTED_RESPONSE', message: String(error) }),
      });
    }
  }

  const uploading = state.kind === 'uploading';
  return (
    <>
      <PageHeader
        eyebrow={t('screeningImport.eyebrow')}
        title={t('screeningImport.title')}
        lead={t('screeningImport.lead')}
      />
      <div className="screening-import">
        <Panel title={t('screeningImport.upload.title')} description={t('screeningImport.upload.lead')}>
          <form className="screening-import__form" onSubmit={submit} noValidate>
            <div className="field">
              <label className="field__label" htmlFor="screening-import-file">
                {t('screeningImport.upload.file')}
              </label>
              <span className="field__hint" id="screening-import-file-hint">
                {t('screeningImport.upload.hint')}
              </span>
              <input
                ref={input}
                id="screening-import-file"
                type="file"
                accept=".csv,text/csv"
                aria-describedby="screening-import-file-hint"
                aria-invalid={missingFile || undefined}
                disabled={uploading}
                onChange={() => setMissingFile(false)}
              />
              {missingFile ? (
                <span className="field__error" role="alert">
                  {t('screeningImport.upload.missing')}
                </span>
              ) : null}
            </div>
            <button type="submit" className="btn btn--primary" disabled={uploading}>
              {t('screeningImport.upload.submit')}
            </button>
          </form>
          {uploading ? (
            <div className="screening-import__progress" role="status">
              <label htmlFor="screening-import-progress">
                {state.fraction < 1
                  ? t('screeningImport.upload.uploading', { percent: Math.round(state.fraction * 100) })
                  : t('screeningImport.upload.screening')}
              </label>
              <progress
                id="screening-import-progress"
                max={1}
                value={state.fraction < 1 ? state.fraction : undefined}
              />
            </div>
          ) : null}
        </Panel>

        {state.kind === 'failed' ? (
          <Alert tone="error" title={t('screeningImport.failed')}>
            <p>{state.error.message}</p>
            {state.error.problems.length > 0 ? (
              <ul data-testid="screening-import-file-problems">
                {state.error.problems.map((p) => (
                  <li key={`${p.path}|${p.message}`}>
                    {p.path}: {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}

        {state.kind === 'done' ? (
          <Outcome result={state.result} canReadResults={canReadResults} n={n} />
        ) : null}
      </div>
    </>
  );
}

function Outcome({
  result,
  canReadResults,
  n,
}: {
  result: ScreeningImportResult;
  canReadResults: boolean;
  n: (value: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Alert tone={result.rejected > 0 ? 'warning' : 'success'} title={t('screeningImport.summary.title')}>
        <p data-testid="screening-import-summary">
          {t('screeningImport.summary.counts', {
            screened: n(result.screened),
            skipped: n(result.skipped),
            rejected: n(result.rejected),
            consignments: n(result.consignments),
            rows: n(result.rows),
          })}
        </p>
      </Alert>

      <Panel title={t('screeningImport.lanes.title')} description={t('screeningImport.lanes.lead')}>
        <table className="table table--dense screening-import__lanes" data-testid="screening-import-lanes">
          <thead>
            <tr>
              <th scope="col">{t('screeningImport.lanes.lane')}</th>
              <th scope="col" className="num">
                {t('screeningImport.lanes.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(LANES as readonly Lane[]).map((lane) => (
              <tr key={lane} data-lane={lane}>
                <td>
                  <LaneBadge lane={lane} />
                </td>
                <td className="num">{n(result.lanes[lane])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {canReadResults ? (
          <p>
            <Link to="/risk/results">{t('screeningImport.lanes.results')}</Link>
          </p>
        ) : null}
      </Panel>

      {result.errors.length > 0 ? (
        <Panel title={t('screeningImport.errors.title')} description={t('screeningImport.errors.lead')}>
          <TableScroll label={t('screeningImport.errors.title')}>
            <table className="table table--dense" data-testid="screening-import-errors">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('screeningImport.errors.row')}
                  </th>
                  <th scope="col">{t('screeningImport.errors.column')}</th>
                  <th scope="col">{t('screeningImport.errors.message')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((e) => (
                  <tr key={`${e.row}|${e.column}|${e.message}`}>
                    <td className="num">{e.row}</td>
                    <td>
                      <code>{e.column ?? t('screeningImport.errors.wholeRow')}</code>
                    </td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </Panel>
      ) : null}

      <Panel title={t('screeningImport.items.title')}>
        <TableScroll label={t('screeningImport.items.title')}>
          <table className="table table--dense" data-testid="screening-import-items">
            <thead>
              <tr>
                <th scope="col">{t('screeningImport.items.document')}</th>
                <th scope="col">{t('screeningImport.items.reference')}</th>
                <th scope="col">{t('screeningImport.items.rows')}</th>
                <th scope="col">{t('screeningImport.items.status')}</th>
                <th scope="col">{t('screeningImport.items.lane')}</th>
                <th scope="col">{t('screeningImport.items.referrals')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((item) => (
                <tr key={item.transportDocument} data-status={item.status}>
                  <td>{item.transportDocument}</td>
                  <td>
                    {canReadResults && item.resultId ? (
                      <Link to={`/risk/results/${item.resultId}`}>{item.reference}</Link>
                    ) : (
                      item.reference
                    )}
                  </td>
                  <td>{item.rows.join(', ')}</td>
                  <td>{t(`screeningImport.status.${item.status}`)}</td>
                  <td>{item.lane ? <LaneBadge lane={item.lane} /> : '—'}</td>
                  <td>
                    {item.referrals.length > 0
                      ? item.referrals.map((r) => t(`riskResults.referral.${r}`)).join(', ')
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Panel>
    </>
  );
}
