import type { CreatedWebhook } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { InlineForm } from '../../components/InlineForm.js';
import { api } from '../../lib/api.js';
import { useFocusOnMount } from '../../lib/use-focus-on-mount.js';
import { useFormSubmit } from '../../lib/use-form-submit.js';

/** The contract's event-type pattern: `*`, `user.created`, or a prefix such as `user.*`. */
const EVENT_TYPE = /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/;

export function parseEventTypes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function CreateWebhookForm({
  onCreated,
  onCancel,
}: {
  onCreated(created: CreatedWebhook): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState('*');
  const firstField = useFocusOnMount<HTMLInputElement>();
  const types = parseEventTypes(eventTypes);
  const form = useFormSubmit({
    validate() {
      const found: Record<string, string> = {};
      if (!isHttpUrl(url.trim())) found.url = t('webhooks.form.urlInvalid');
      if (types.length === 0) found.eventTypes = t('webhooks.form.eventTypesRequired');
      else if (types.some((type) => !EVENT_TYPE.test(type)))
        found.eventTypes = t('webhooks.form.eventTypesInvalid');
      return found;
    },
    async submit() {
      onCreated(
        await api.createWebhook({ url: url.trim(), description: description.trim(), eventTypes: types }),
      );
    },
  });
  const { errors, busy } = form;

  return (
    <InlineForm titleId="create-webhook-title" title={t('webhooks.form.title')} onSubmit={form.onSubmit}>
      <ErrorSummary ref={form.summaryRef} failure={form.failure} errors={errors} fieldIdPrefix="webhook-" />
      <TextField
        ref={firstField}
        id="webhook-url"
        label={t('webhooks.form.url')}
        hint={t('webhooks.form.urlHint')}
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={errors.url}
        maxLength={2000}
      />
      <TextField
        id="webhook-description"
        label={t('webhooks.form.description')}
        labelSuffix={t('common.optional')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errors.description}
        maxLength={200}
        autoComplete="off"
      />
      <TextField
        id="webhook-eventTypes"
        label={t('webhooks.form.eventTypes')}
        hint={t('webhooks.form.eventTypesHint')}
        value={eventTypes}
        onChange={(e) => setEventTypes(e.target.value)}
        error={errors.eventTypes}
        spellCheck={false}
        autoComplete="off"
      />
      <FormActions busy={busy} submitLabel={t('webhooks.form.submit')} onCancel={onCancel} />
    </InlineForm>
  );
}
