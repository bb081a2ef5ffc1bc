import type { CreateSafePlanAction, SafePlanAction } from '@aeolus/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextField } from '../../components/Field.js';
import { errorMessage, fieldErrors } from '../../lib/errors.js';
import { safeApi } from './safe-api.js';

/** Turns a gap into a plan action (issue item 5): the draft is edited, then saved to the plan. */
export function PlanActionDialog({
  draft,
  gapLabel,
  onCancel,
  onCreated,
}: {
  draft: CreateSafePlanAction | undefined;
  gapLabel: string;
  onCancel(): void;
  onCreated(action: SafePlanAction): void;
}) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState(draft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setForm(draft);
    setErrors({});
    setFailure(undefined);
  }, [draft]);

  async function save() {
    if (!form) return;
    const missing: Record<string, string> = {};
    if (form.title.trim().length < 3) missing.title = t('safeAssessment.newCampaign.errors.name');
    if (!form.owner.trim()) missing.owner = t('safeAssessment.plan.ownerMissing');
    if (!form.dueDate) missing.dueDate = t('safeAssessment.newCampaign.errors.date');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onCreated(await safeApi.createAction({ ...form, title: form.title.trim(), owner: form.owner.trim() }));
    } catch (error) {
      setErrors(fieldErrors(t, error));
      setFailure(errorMessage(t, error, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  const set = (change: Partial<CreateSafePlanAction>) => setForm((f) => (f ? { ...f, ...change } : f));
  return (
    <ConfirmDialog
      open={draft !== undefined}
      title={t('safeAssessment.plan.newTitle', { gap: gapLabel })}
      confirmLabel={t('safeAssessment.plan.save')}
      tone="primary"
      busy={busy}
      confirmTestId="safe-plan-save"
      onConfirm={save}
      onCancel={onCancel}
    >
      {failure ? (
        <p className="field__error" role="alert">
          {failure}
        </p>
      ) : null}
      <TextField
        id="plan-title"
        label={t('safeAssessment.plan.actionTitle')}
        error={errors.title}
        value={form?.title ?? ''}
        maxLength={300}
        onChange={(e) => set({ title: e.target.value })}
      />
      <TextField
        id="plan-owner"
        label={t('safeAssessment.plan.owner')}
        hint={t('safeAssessment.plan.ownerHint')}
        error={errors.owner}
        value={form?.owner ?? ''}
        maxLength={200}
        onChange={(e) => set({ owner: e.target.value })}
      />
      <TextField
        id="plan-dueDate"
        type="date"
        className="field--short"
        label={t('safeAssessment.plan.dueDate')}
        error={errors.dueDate}
        value={form?.dueDate ?? ''}
        onChange={(e) => set({ dueDate: e.target.value })}
      />
    </ConfirmDialog>
  );
}
