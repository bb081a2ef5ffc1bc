import { describe, expect, it } from 'vitest';
import { localised, notificationTarget } from './notification-link.js';

const CASE_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('notificationTarget', () => {
  it('opens an AEO case on the reader’s own side', () => {
    const link = `/aeo/applications/${CASE_ID}`;
    expect(notificationTarget(link, 'economic_operator')).toBe(`/operator/aeo-status/${CASE_ID}`);
    expect(notificationTarget(link, 'customs_administration')).toBe(`/aeo/validation/${CASE_ID}`);
    expect(notificationTarget(link, 'secretariat')).toBeUndefined();
  });

  it('keeps other in-app paths and follows nothing outside the app', () => {
    expect(notificationTarget('/webhooks', 'economic_operator')).toBe('/webhooks');
    expect(notificationTarget('https://evil.example/', 'economic_operator')).toBeUndefined();
    expect(notificationTarget('//evil.example/', 'economic_operator')).toBeUndefined();
    expect(notificationTarget('javascript:alert(1)', 'economic_operator')).toBeUndefined();
    expect(notificationTarget(null, 'economic_operator')).toBeUndefined();
  });
});

describe('localised', () => {
  it('picks the reader’s language, falling back to the other when one is empty', () => {
    expect(localised({ en: 'Accepted', fr: 'Acceptée' }, 'fr')).toBe('Acceptée');
    expect(localised({ en: 'Accepted', fr: 'Acceptée' }, 'en')).toBe('Accepted');
    expect(localised({ en: 'Accepted', fr: '' }, 'fr')).toBe('Accepted');
  });
});
