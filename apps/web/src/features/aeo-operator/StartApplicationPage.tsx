import type { AeoProgramme } from '@aeolus/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { Icon } from '../../components/Icon.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { ApiError } from '../../lib/api.js';
import { useSignedIn } from '../../lib/session.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';
import { useResource } from '../../lib/use-resource.js';
import { isLive } from './case-view.js';
import { operatorApi } from './operator-api.js';
import { localised } from './operator-format.js';
import { benefitsFor } from './programme-view.js';
import { caseErrorMessage } from './saq-problems.js';

/** Starts a draft application for the supervising administration's programme, in the chosen category. */
export function StartApplicationPage() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const data = useResource(async (signal) => {
    const [programme, list] = await Promise.all([
      operatorApi.programme(signal),
      operatorApi.applications(signal),
    ]);
    return { programme, live: list.items.find(isLive) };
  }, session.activeOrganisationId);

  return (
    <>
      <p>
        <Link to="/operator/aeo-status" className="back-link">
          <Icon name="arrowLeft" size={16} />
          {t('aeoOperator.case.back')}
        </Link>
      </p>
      <PageHeader title={t('aeoOperator.apply.title')} lead={t('aeoOperator.apply.lead')} />
      {data.status === 'error' ? (
        <LoadError title={t('aeoOperator.apply.loadFailed')} error={data.error} />
      ) : null}
      {data.status === 'loading' && !data.data ? <Loading label={t('common.loading')} block /> : null}
      {data.data?.live ? (
        <Alert tone="info" title={t('aeoOperator.apply.alreadyOpen')}>
          <p>
            <Link to={`/operator/aeo-status/${data.data.live.id}`}>
              {t('aeoOperator.apply.openExisting', { reference: data.data.live.reference })}
            </Link>
          </p>
        </Alert>
      ) : data.data ? (
        <StartForm programme={data.data.programme} />
      ) : null}
    </>
  );
}

function StartForm({ programme }: { programme: AeoProgramme }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const navigate = useNavigate();
  const { notify } = useNotices();
  const [category, setCategory] = useState('');
  const [existing, setExisting] = useState<string>();
  const legendId = useId();
  const form = useFormSubmit({
    validate: (): Record<string, string> =>
      category ? {} : { category: t('aeoOperator.apply.categoryRequired') },
    async submit() {
      const created = await operatorApi.createApplication({ programmeId: programme.id, category });
      notify(t('aeoOperator.apply.created', { reference: created.reference }));
      navigate(`/operator/aeo-status/${created.id}/questionnaire`);
    },
    explain(error, usual) {
      const applicationId = (error as ApiError).details as { applicationId?: unknown } | undefined;
      if (
        error instanceof ApiError &&
        error.code === 'CONFLICT' &&
        typeof applicationId?.applicationId === 'string'
      ) {
        setExisting(applicationId.applicationId);
      }
      return { ...usual, failure: caseErrorMessage(t, error, language) };
    },
  });
  const validity =
    programme.validity.kind === 'open_ended'
      ? t('aeoOperator.apply.openEnded', { count: programme.validity.reassessmentYears })
      : t('aeoOperator.apply.fixedTerm', { count: programme.validity.years });

  return (
    <>
      <Panel title={localised(programme.name, language)} description={t('aeoOperator.apply.programmeLead')}>
        <dl className="facts facts--columns" data-testid="programme-facts">
          <div>
            <dt>{t('aeoOperator.apply.validity')}</dt>
            <dd>{validity}</dd>
          </div>
          <div>
            <dt>{t('aeoOperator.apply.acceptance')}</dt>
            <dd>{t('aeoOperator.deadlines.days', { count: programme.clocks.acceptanceDays })}</dd>
          </div>
          <div>
            <dt>{t('aeoOperator.apply.decision')}</dt>
            <dd>{t('aeoOperator.deadlines.days', { count: programme.clocks.decisionDays })}</dd>
          </div>
          <div className="facts__wide">
            <dt>{t('aeoOperator.apply.eligibleRoles')}</dt>
            <dd>
              <span className="badges">
                {programme.eligibleRoles.map((role) => (
                  <Badge key={role}>
                    {supplyChainRole(t as (key: string) => string, (key) => i18n.exists(key), role)}
                  </Badge>
                ))}
              </span>
            </dd>
          </div>
        </dl>
      </Panel>
      <Panel title={t('aeoOperator.apply.chooseTitle')}>
        <form className="form" noValidate onSubmit={form.onSubmit} aria-labelledby={legendId}>
          <ErrorSummary
            ref={form.summaryRef}
            failure={form.failure}
            errors={form.errors}
            fieldIdPrefix="apply-"
          />
          {existing ? (
            <p>
              <Link to={`/operator/aeo-status/${existing}`}>{t('aeoOperator.apply.openExistingShort')}</Link>
            </p>
          ) : null}
          <fieldset
            className={`fieldset ${form.errors.category ? 'field--error' : ''}`.trim()}
            aria-describedby={form.errors.category ? 'apply-category-error' : undefined}
          >
            <legend id={legendId} className="field__label">
              {t('aeoOperator.apply.category')}
            </legend>
            {form.errors.category ? (
              <p className="field__error" id="apply-category-error">
                {form.errors.category}
              </p>
            ) : null}
            <div className="category-list">
              {programme.categories.map((c, index) => (
                <label key={c.code} className="checkbox category-option">
                  <input
                    type="radio"
                    name="category"
                    id={index === 0 ? 'apply-category' : undefined}
                    value={c.code}
                    checked={category === c.code}
                    onChange={() => setCategory(c.code)}
                    data-testid={`category-${c.code}`}
                  />
                  <span className="checkbox__text">
                    <span className="checkbox__code">
                      {c.code} — {localised(c.name, language)}
                    </span>
                    <span className="checkbox__hint">{localised(c.description, language)}</span>
                    <BenefitList programme={programme} category={c.code} />
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <FormActions
            busy={form.busy}
            busyLabel={t('aeoOperator.apply.creating')}
            submitLabel={t('aeoOperator.apply.submit')}
            submitTestId="start-application-submit"
          />
        </form>
      </Panel>
    </>
  );
}

function BenefitList({ programme, category }: { programme: AeoProgramme; category: string }) {
  const { t, i18n } = useTranslation();
  const benefits = benefitsFor(programme.benefits, category);
  if (benefits.length === 0) return null;
  return (
    <span className="category-option__benefits">
      <span className="visually-hidden">{t('aeoOperator.apply.benefits')}: </span>
      {benefits.map((b) => (
        <span key={b.code} className="category-option__benefit">
          <Icon name="check" size={14} /> {localised(b.name, i18n.language)}
        </span>
      ))}
    </span>
  );
}

function supplyChainRole(t: (key: string) => string, exists: (key: string) => boolean, role: string): string {
  const key = `supplyChainRoles.${role}`;
  return exists(key) ? t(key) : role;
}
