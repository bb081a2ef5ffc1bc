import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';

/** Copies `value`; falls back to selecting the text of `fallbackInputId` where the Clipboard API is refused. */
export function CopyButton({ value, fallbackInputId }: { value: string; fallbackInputId?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 4000);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      const input = fallbackInputId ? document.getElementById(fallbackInputId) : null;
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
      setState('failed');
    }
  }

  return (
    <>
      <button type="button" className="btn btn--secondary" onClick={copy}>
        <Icon name={state === 'copied' ? 'check' : 'copy'} />
        {state === 'copied' ? t('common.copied') : t('common.copy')}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied'
          ? t('common.copiedAnnouncement')
          : state === 'failed'
            ? t('common.copyFailed')
            : ''}
      </span>
    </>
  );
}
