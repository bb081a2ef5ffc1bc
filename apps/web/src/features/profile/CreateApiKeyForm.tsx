import { type ApiKeyScope, type CreatedApiKey, grantableScopes } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { InlineForm } from '../../components/InlineForm.js';
import { api } from '../../lib/api.js';
import { dayBoundary } from '../../lib/format.js';
import { useSignedIn } from '../../lib/session.js';
import { useFocusOnMount } from '../../lib/use-focus-on-mount.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';

function tomorrow(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Offers only the scopes the person's roles grant (`grantableScopes`): a key never does more than its
 * maker could, and the server refuses anything else.
 */
export function CreateApiKeyForm({
  onCreated,
  onCancel,
}: {
  onCreated(created: CreatedApiKey): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { roles } = useSignedIn();
  const scopes = grantableScopes(roles);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<ApiKeyScope[]>([]);
  const [expires, setExpires] = useState('');
  const firstField = useFocusOnMount<HTMLInputElement>();
  const expiresAt = expires ? dayBoundary(expires, 'end') : undefined;
  const form = useFormSubmit({
    validate() {
      const found: Record<string, string> = {};
      if (!name.trim()) found.name = t('apiKeys.form.nameRequired');
      if (chosen.length === 0) found.scopes = t('apiKeys.form.scopesRequired');
      if (expires && (!expiresAt || new Date(expiresAt).getTime() <= Date.now())) {
        found.expiresAt = t('apiKeys.form.expiryFuture');
      }
      return found;
    },
    async submit() {
      const created = await api.createApiKey({
        name: name.trim(),
        scopes: scopes.filter((s) => chosen.includes(s)),
        ...(expiresAt ? { expiresAt } : {}),
      });
      onCreated(created);
    },
  });
  const { errors, busy } = form;

  function toggle(scope: ApiKeyScope, on: boolean) {
    setChosen((list) => (on ? [...list, scope] : list.filter((s) => s !== scope)));
  }

  return (
    <InlineForm titleId="create-key-title" title={t('apiKeys.form.title')} onSubmit={form.onSubmit}>
      <ErrorSummary ref={form.summaryRef} failure={form.failure} errors={errors} fieldIdPrefix="key-" />
      <TextField
        ref={firstField}
        id="key-name"
        label={t('apiKeys.form.name')}
        hint={t('apiKeys.form.nameHint')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        maxLength={100}
        autoComplete="off"
      />
      <fieldset
        className={`fieldset field ${errors.scopes ? 'field--error' : ''}`}
        aria-describedby={errors.scopes ? 'key-scopes-error key-scopes-hint' : 'key-scopes-hint'}
      >
        <legend className="field__label">{t('apiKeys.form.scopes')}</legend>
        <p className="field__hint" id="key-scopes-hint">
          {t('apiKeys.form.scopesHint')}
        </p>
        {errors.scopes ? (
          <p className="field__error" id="key-scopes-error">
            {errors.scopes}
          </p>
        ) : null}
        <div className="checkbox-list" id="key-scopes">
          {scopes.map((scope) => (
            <label key={scope} className="checkbox">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                checked={chosen.includes(scope)}
                onChange={(e) => toggle(scope, e.target.checked)}
              />
              <span className="checkbox__text">
                <code className="checkbox__code">{scope}</code>
                <span className="checkbox__hint">{t(`scopes.${scope}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        id="key-expiresAt"
        className="field--short"
        label={t('apiKeys.form.expires')}
        labelSuffix={t('common.optional')}
        hint={t('apiKeys.form.expiresHint')}
        type="date"
        min={tomorrow()}
        value={expires}
        onChange={(e) => setExpires(e.target.value)}
        error={errors.expiresAt}
      />
      <FormActions
        busy={busy}
        submitLabel={t('apiKeys.form.submit')}
        busyLabel={t('apiKeys.form.creating')}
        onCancel={onCancel}
      />
    </InlineForm>
  );
}
