import type { SafeAdministration } from '@aeolus/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, TextField } from '../../components/Field.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useNotices } from '../../components/Notices.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { errorMessage, fieldErrors } from '../../lib/errors.js';
import { useResource } from '../../lib/use-resource.js';
import { GroupFrame } from '../questionnaire/GroupFrame.js';
import { safeApi, safeVersionsApi } from './safe-api.js';
import { type CampaignForm, type CampaignFormErrors, campaignBody, campaignFormErrors } from './safe-view.js';

/** The secretariat opens a review-cycle campaign and invites administrations (issue item 3). */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const data = useResource((signal) => safeApi.administrations(signal), 'administrations');
  return (
    <>
      <p>
        <Link to="/safe/monitoring" className="back-link">
          {t('safeAssessment.campaigns.title')}
        </Link>
      </p>
      <PageHeader
        eyebrow={t('safeAssessment.eyebrow')}
        title={t('safeAssessment.newCampaign.title')}
        lead={t('safeAssessment.newCampaign.lead')}
      />
      {data.status === 'error' ? (
        <LoadError title={t('safeAssessment.loadFailed')} error={data.error} />
      ) : !data.data ? (
        <Loading label={t('common.loading')} block />
      ) : (
        <CampaignFormPanel administrations={data.data.items} />
      )}
    </>
  );
}

function CampaignFormPanel({ administrations }: { administrations: SafeAdministration[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { notify } = useNotices();
  const [form, setForm] = useState<CampaignForm>({
    name: '',
    periodStart: '',
    periodEnd: '',
    questionnaireVersion: '',
    deadline: '',
    invited: [],
  });
  // The published versions the campaign may pin (the shipped one is the default option).
  const versions = useResource((signal) => safeVersionsApi.list(signal), 'questionnaire-versions');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = (change: Partial<CampaignForm>) => {
    setForm((f) => ({ ...f, ...change }));
    // A field's problem goes once it is changed; the next submission checks again.
    setErrors((current) => {
      const next = { ...current };
      for (const field of Object.keys(change)) delete next[field];
      return next;
    });
  };
  const byRegion = new Map<string, SafeAdministration[]>();
  for (const a of administrations) {
    const key = a.region ?? 'none';
    byRegion.set(key, [...(byRegion.get(key) ?? []), a]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const found: CampaignFormErrors = campaignFormErrors(form, new Date());
    const messages = Object.fromEntries(
      Object.entries(found).map(([field, key]) => [field, t(`safeAssessment.newCampaign.errors.${key}`)]),
    );
    setErrors(messages);
    if (Object.keys(messages).length > 0) {
      window.setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      const campaign = await safeApi.createCampaign(campaignBody(form));
      notify(t('safeAssessment.newCampaign.created', { name: campaign.name }));
      navigate(`/safe/monitoring/campaigns/${campaign.id}`);
    } catch (error) {
      setErrors(fieldErrors(t, error));
      setFailure(errorMessage(t, error, i18n.language));
      window.setTimeout(() => summaryRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (id: string, on: boolean) =>
    set({ invited: on ? [...form.invited, id] : form.invited.filter((x) => x !== id) });

  return (
    <Panel title={t('safeAssessment.campaign.details')}>
      <form className="form" noValidate onSubmit={submit} data-testid="safe-campaign-form">
        <ErrorSummary
          ref={summaryRef}
          failure={failure}
          failureTitle={t('safeAssessment.newCampaign.title')}
          errors={errors}
          fieldIdPrefix="campaign-"
        />
        <TextField
          id="campaign-name"
          label={t('safeAssessment.newCampaign.name')}
          hint={t('safeAssessment.newCampaign.nameHint')}
          error={errors.name}
          value={form.name}
          maxLength={200}
          onChange={(e) => set({ name: e.target.value })}
        />
        <div className="safe-form-row">
          <TextField
            id="campaign-periodStart"
            type="date"
            className="field--short"
            label={t('safeAssessment.newCampaign.periodStart')}
            error={errors.periodStart}
            value={form.periodStart}
            onChange={(e) => set({ periodStart: e.target.value })}
          />
          <TextField
            id="campaign-periodEnd"
            type="date"
            className="field--short"
            label={t('safeAssessment.newCampaign.periodEnd')}
            error={errors.periodEnd}
            value={form.periodEnd}
            onChange={(e) => set({ periodEnd: e.target.value })}
          />
        </div>
        <SelectField
          id="campaign-questionnaireVersion"
          label={t('safeAssessment.newCampaign.version')}
          hint={t('safeAssessment.newCampaign.versionHint')}
          error={errors.questionnaireVersion}
          value={form.questionnaireVersion}
          onChange={(e) => set({ questionnaireVersion: e.target.value })}
        >
          <option value="">{t('safeAssessment.newCampaign.versionDefault')}</option>
          {(versions.data?.items ?? [])
            .filter((v) => v.status === 'published' && !v.isShipped)
            .map((v) => (
              <option key={v.id} value={v.version}>
                {t('safeAssessment.newCampaign.versionOption', {
                  title: v.title[i18n.language === 'fr' ? 'fr' : 'en'],
                  version: v.version,
                })}
              </option>
            ))}
        </SelectField>
        <TextField
          id="campaign-deadline"
          type="date"
          className="field--short"
          label={t('safeAssessment.newCampaign.deadline')}
          hint={t('safeAssessment.newCampaign.deadlineHint')}
          error={errors.deadline}
          value={form.deadline}
          onChange={(e) => set({ deadline: e.target.value })}
        />
        <GroupFrame
          id="campaign-invited"
          label={t('safeAssessment.newCampaign.invited')}
          optional={undefined}
          hint={t('safeAssessment.newCampaign.invitedHint')}
          error={errors.invited}
        >
          <p className="safe-select-all">
            <button
              type="button"
              className="btn btn--link btn--small"
              data-testid="safe-invite-all"
              onClick={() => set({ invited: administrations.map((a) => a.organisationId) })}
            >
              {t('safeAssessment.newCampaign.selectAll')}
            </button>
            <button type="button" className="btn btn--link btn--small" onClick={() => set({ invited: [] })}>
              {t('safeAssessment.newCampaign.selectNone')}
            </button>
          </p>
          <div className="safe-invite-regions">
            {[...byRegion].map(([region, members]) => (
              <div key={region} className="safe-invite-region">
                <p className="safe-invite-region__title">
                  {region === 'none'
                    ? t('safeAssessment.newCampaign.noRegion')
                    : t(`safeAssessment.regions.${region as 'europe'}`)}
                </p>
                <div className="checkbox-list">
                  {members.map((a, index) => (
                    <label key={a.organisationId} className="checkbox">
                      <input
                        type="checkbox"
                        id={
                          index === 0 && region === [...byRegion.keys()][0] ? 'campaign-invited' : undefined
                        }
                        checked={form.invited.includes(a.organisationId)}
                        onChange={(e) => toggle(a.organisationId, e.target.checked)}
                      />
                      <span className="checkbox__text">
                        {a.name} ({a.countryCode})
                      </span>
                    </label>
                  ))}
                </div>
              </div>
            ))}
          </div>
        </GroupFrame>
        <div className="form__actions">
          <button
            type="submit"
            className="btn btn--primary"
            disabled={busy}
            data-testid="safe-campaign-submit"
          >
            {t('safeAssessment.newCampaign.submit')}
          </button>
          <Link to="/safe/monitoring" className="btn btn--secondary">
            {t('safeAssessment.newCampaign.cancel')}
          </Link>
        </div>
      </form>
    </Panel>
  );
}
