import type {
  MarkedNotificationsRead,
  Notification,
  NotificationCount,
  NotificationPage,
  NotificationsQuery,
} from '@aeolus/contracts';
import { request } from '../../lib/api.js';

/** The notification API as the bell and the page use it; types come from the contracts. */
export const notificationsApi = {
  list: (query: Partial<NotificationsQuery>, signal?: AbortSignal) =>
    request<NotificationPage>('GET', '/api/notifications', { query: { ...query }, signal }),
  unreadCount: (signal?: AbortSignal) =>
    request<NotificationCount>('GET', '/api/notifications/unread-count', { signal }),
  markRead: (id: string) =>
    request<Notification>('POST', `/api/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => request<MarkedNotificationsRead>('POST', '/api/notifications/read-all'),
};

const CHANGED = 'aeolus:notifications-changed';

/** Why the notifications changed: read here (the bell recounts), or new ones arrived (lists reload). */
export type NotificationsChange = 'read' | 'arrived';

export function announceNotificationsChanged(change: NotificationsChange): void {
  window.dispatchEvent(new CustomEvent<NotificationsChange>(CHANGED, { detail: change }));
}

export function onNotificationsChanged(listener: (change: NotificationsChange) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<NotificationsChange>).detail);
  window.addEventListener(CHANGED, handler);
  return () => window.removeEventListener(CHANGED, handler);
}
