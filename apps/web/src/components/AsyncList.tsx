import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from './LoadError.js';
import { Loading } from './Loading.js';

/**
 * The states of a loaded list, shown the same way everywhere: a load failure, a spinner until the first
 * answer, an empty state, or the items. Items from an earlier answer stay on screen while a newer one
 * loads, so a refresh does not make the table jump.
 */
export function AsyncList<T>({
  status,
  error,
  items,
  loadFailed,
  empty,
  children,
}: {
  status: 'loading' | 'error' | 'ready';
  error?: unknown;
  /** Undefined until the first answer. */
  items: readonly T[] | undefined;
  loadFailed: string;
  empty: ReactNode;
  children(items: readonly T[]): ReactNode;
}) {
  const { t } = useTranslation();
  const count = items?.length ?? 0;
  return (
    <>
      {status === 'error' ? <LoadError title={loadFailed} error={error} /> : null}
      {status === 'loading' && count === 0 ? <Loading label={t('common.loading')} /> : null}
      {status === 'ready' && items && count === 0 ? empty : null}
      {items && count > 0 ? children(items) : null}
    </>
  );
}
