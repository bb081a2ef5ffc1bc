// The notifications module's public surface; other modules and apps import only this.

export {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notifyOrganisation,
} from './notifications.service.js';
