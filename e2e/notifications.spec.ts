import { expect, test } from '@playwright/test';
import { apiSession, caseOf } from './api-session.js';
import { expectAccessible, screenshot, signIn, useLanguage } from './support.js';

/**
 * In-app notifications: the NL validator asks Delta Road Carriers for information (the demo case is
 * under review); Delta's compliance officer, already signed in, sees the bell's count go up without
 * reloading, opens the bell, marks the notice read, and reads the full list in English and French.
 */
test('a request for information rings the operator’s bell; reading it, in the bell and on the page', async ({
  page,
  baseURL,
}) => {
  const delta = await apiSession(baseURL!, 'compliance@delta-carriers.example');
  const validator = await apiSession(baseURL!, 'validator@nl.customs.example');
  /** The validator asks Delta for information (Delta answers an open request first: that notifies nobody). */
  const requestInformation = async (caseId: string, question: string) => {
    const current = await caseOf(delta);
    if (current.awaitingInformation) {
      const answered = await delta.post(`/api/aeo/applications/${caseId}/operator-actions`, {
        type: 'answer_information',
        answer: 'Two drivers check the seals at every night handover and log them in the app.',
      });
      expect(answered.ok(), await answered.text()).toBe(true);
    }
    const asked = await validator.post(`/api/aeo/applications/${caseId}/validation-actions`, {
      type: 'request_information',
      question: `${question} (notifications journey)`,
    });
    expect(asked.ok(), await asked.text()).toBe(true);
  };
  const unreadNow = async () =>
    (await (await delta.get('/api/notifications/unread-count')).json()).unreadCount as number;
  try {
    await signIn(page, 'compliance@delta-carriers.example');
    await useLanguage(page, 'en');
    const count = page.getByTestId('notification-count');
    const before = await unreadNow();
    await expect(count).toHaveAttribute('data-count', String(before));

    const deltaCase = await caseOf(validator, 'Delta Road Carriers');
    await requestInformation(deltaCase.id, 'Please send last week’s handover log.');

    // No reload: the bell polls the count.
    await expect(count).toHaveAttribute('data-count', String(before + 1), { timeout: 20_000 });
    await expect(count).toBeVisible();
    await expect(page.getByTestId('notification-bell')).toContainText(`Notifications: ${before + 1} unread`);

    await page.getByTestId('notification-bell').click();
    const panel = page.getByTestId('notification-panel');
    const newest = panel.getByTestId('notification-item').first();
    await expect(newest).toHaveAttribute('data-unread', 'true');
    await expect(newest).toHaveAttribute('data-type', 'aeo.application.request_information');
    await expect(newest).toContainText('Information requested on');
    await expect(newest.getByRole('link')).toHaveAttribute('href', `/operator/aeo-status/${deltaCase.id}`);
    await expectAccessible(page, 'the notification bell, open');
    await screenshot(page, 'notifications-bell-en', { fullPage: false });

    await newest.getByTestId('notification-mark-read').click();
    await expect(count).toHaveAttribute('data-count', String(before));
    await expect(panel.getByTestId('notification-item').first()).toHaveAttribute('data-unread', 'false');
    expect(await unreadNow()).toBe(before);

    await panel.getByRole('link', { name: 'See all notifications' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');
    const items = page.getByTestId('notifications-list').getByTestId('notification-item');
    await expect(items.first()).toContainText('Information requested on');
    await expect(items.first()).toHaveAttribute('data-unread', 'false');

    // Two more while the page is open; choosing a filter reads the list afresh.
    await requestInformation(deltaCase.id, 'Please send the seal register too.');
    await requestInformation(deltaCase.id, 'And the night-shift rota.');
    await page.getByTestId('notifications-filter-unread').click();
    await expect(page.getByTestId('notifications-filter-unread')).toHaveAttribute('aria-pressed', 'true');
    await expect(items).toHaveCount(before + 2);
    await items.first().getByTestId('notification-mark-read').click();
    await expect(items).toHaveCount(before + 1);
    await expect(count).toHaveAttribute('data-count', String(before + 1));
    await page.getByTestId('notifications-filter-all').click();
    await expect(items.first()).toHaveAttribute('data-unread', 'false');
    await expect(items.nth(1)).toHaveAttribute('data-unread', 'true');
    await expectAccessible(page, 'the notifications page');
    await screenshot(page, 'notifications-page-en');

    await page.getByTestId('notifications-mark-all').click();
    await expect(count).toHaveAttribute('data-count', '0');
    await expect(count).toBeHidden();
    await expect(page.getByTestId('notifications-mark-all')).toBeDisabled();
    expect(await unreadNow()).toBe(0);

    await useLanguage(page, 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');
    await expect(items.first()).toContainText('Informations demandées pour');
    await expect(page.getByTestId('notification-bell')).toContainText('Notifications : aucune non lue');
    await expectAccessible(page, 'the notifications page in French');
    await screenshot(page, 'notifications-page-fr');
  } finally {
    await useLanguage(page, 'en').catch(() => undefined);
    await delta.dispose();
    await validator.dispose();
  }
});
