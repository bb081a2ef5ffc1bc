import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';

interface Notice {
  id: number;
  tone: 'success' | 'info';
  message: string;
}

interface NoticesValue {
  notify(message: string, tone?: Notice['tone']): void;
}

const NoticesContext = createContext<NoticesValue>({ notify: () => undefined });

let nextId = 1;

/**
 * Confirmations after an action ("API key revoked"). They stay until dismissed or replaced: a message
 * that vanishes on a timer can be gone before a screen-reader or magnifier user has read it.
 */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useCallback((message: string, tone: Notice['tone'] = 'success') => {
    setNotices((list) => [...list.slice(-2), { id: nextId++, tone, message }]);
  }, []);
  const dismiss = (id: number) => setNotices((list) => list.filter((n) => n.id !== id));
  const value = useMemo(() => ({ notify }), [notify]);
  return (
    <NoticesContext.Provider value={value}>
      <div className="notices" role="status" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice--${n.tone}`}>
            <span className="notice__icon">
              <Icon name={n.tone === 'success' ? 'check' : 'info'} />
            </span>
            <span className="notice__message">{n.message}</span>
            <button
              type="button"
              className="notice__close"
              onClick={() => dismiss(n.id)}
              aria-label={t('common.dismiss')}
            >
              <Icon name="close" size={16} />
            </button>
          </div>
        ))}
      </div>
      {children}
    </NoticesContext.Provider>
  );
}

export function useNotices(): NoticesValue {
  return useContext(NoticesContext);
}
