import type { Login, Membership, Role, SessionInfo } from '@aeolus/contracts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  currentLanguage,
  isLanguage,
  type Language,
  setLanguage,
  takeExplicitChoice,
} from '../i18n/index.js';
import { ApiError, api, onUnauthenticated, setCsrfToken } from './api.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; error: ApiError }
  | { status: 'anonymous'; reason?: 'signed-out' | 'expired' }
  | { status: 'signed-in'; session: SessionInfo };

interface SessionContextValue {
  state: SessionState;
  signIn(credentials: Login): Promise<SessionInfo>;
  signOut(): Promise<void>;
  switchOrganisation(organisationId: string): Promise<SessionInfo>;
  /** Saves the language to the profile when signed in; always applies it at once. */
  changeLanguage(language: Language): Promise<void>;
  updateDisplayName(displayName: string): void;
  reload(): void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const establish = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);

  const end = useCallback((reason?: 'signed-out' | 'expired') => {
    setCsrfToken(undefined);
    setState({ status: 'anonymous', reason });
  }, []);

  // Restore the session from the cookie on load; the profile's language follows the user across devices.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the check on "try again"
  useEffect(() => {
    const controller = new AbortController();
    api.me(controller.signal).then(
      async (session) => {
        if (isLanguage(session.user.locale)) await setLanguage(session.user.locale);
        establish(session);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) end();
        else if (error instanceof ApiError) setState({ status: 'unreachable', error });
      },
    );
    return () => controller.abort();
  }, [attempt, establish, end]);

  useEffect(() => onUnauthenticated(() => end('expired')), [end]);

  const signIn = useCallback(
    async (credentials: Login) => {
      const session = await api.login(credentials);
      setCsrfToken(session.csrfToken);
      const chosen = takeExplicitChoice();
      let signedIn = session;
      if (chosen && chosen !== session.user.locale) {
        // The person chose a language on the sign-in page: that choice wins and becomes their preference.
        try {
          await api.updateProfile({ locale: chosen });
          signedIn = { ...session, user: { ...session.user, locale: chosen } };
        } catch {
          // Not saved (e.g. a transient failure): keep the chosen language for this visit anyway.
        }
      } else if (isLanguage(session.user.locale)) {
        await setLanguage(session.user.locale);
      }
      establish(signedIn);
      return signedIn;
    },
    [establish],
  );

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      end('signed-out');
    }
  }, [end]);

  const switchOrganisation = useCallback(
    async (organisationId: string) => {
      const session = await api.switchOrganisation(organisationId);
      establish(session);
      return session;
    },
    [establish],
  );

  const changeLanguage = useCallback(
    async (language: Language) => {
      const previous = currentLanguage();
      await setLanguage(language);
      if (state.status !== 'signed-in' || state.session.user.locale === language) return;
      try {
        await api.updateProfile({ locale: language });
        setState((s) =>
          s.status === 'signed-in'
            ? { ...s, session: { ...s.session, user: { ...s.session.user, locale: language } } }
            : s,
        );
      } catch (error) {
        await setLanguage(previous);
        throw error;
      }
    },
    [state],
  );

  const updateDisplayName = useCallback((displayName: string) => {
    setState((s) =>
      s.status === 'signed-in'
        ? { ...s, session: { ...s.session, user: { ...s.session.user, displayName } } }
        : s,
    );
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signOut, switchOrganisation, changeLanguage, updateDisplayName, reload }),
    [state, signIn, signOut, switchOrganisation, changeLanguage, updateDisplayName, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

export interface SignedIn {
  session: SessionInfo;
  roles: Role[];
  /** The membership the session acts for (one row per role; the first one names the organisation). */
  active: Membership;
  /** One entry per organisation the user belongs to, with every role held there. */
  organisations: {
    organisationId: string;
    name: string;
    kind: Membership['organisationKind'];
    roles: Role[];
  }[];
}

/** The signed-in session; only for pages behind <RequireAuth>, which guarantees one. */
export function useSignedIn(): SignedIn {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedIn outside a signed-in route');
  const { session } = state;
  return useMemo(() => describeSession(session), [session]);
}

export function describeSession(session: SessionInfo): SignedIn {
  const byOrg = new Map<string, SignedIn['organisations'][number]>();
  for (const m of session.user.memberships) {
    const entry = byOrg.get(m.organisationId) ?? {
      organisationId: m.organisationId,
      name: m.organisationName,
      kind: m.organisationKind,
      roles: [],
    };
    entry.roles.push(m.role);
    byOrg.set(m.organisationId, entry);
  }
  const active = session.user.memberships.find((m) => m.organisationId === session.activeOrganisationId);
  if (!active) throw new Error('The session acts for an organisation the user does not belong to');
  return { session, roles: session.roles, active, organisations: [...byOrg.values()] };
}
