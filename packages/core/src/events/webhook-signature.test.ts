import { describe, expect, it } from 'vitest';
import { eventTypeMatches } from './event-type.js';
import { eventSubject } from './nats-publisher.js';
import { signWebhookPayload, verifyWebhookSignature } from './webhook-signature.js';
import { retryDelayMs } from './webhook-worker.js';

const secret = 'whsec_test-secret';
const body = '{"id":"e1","type":"user.created"}';
const now = 1_750_000_000;

describe('webhook signature', () => {
  const header = signWebhookPayload(secret, body, now);

  it('has the documented shape t=<seconds>,v1=<64 hex>', () => {
    expect(header).toMatch(/^t=1750000000,v1=[0-9a-f]{64}$/);
  });

  it('verifies with the same secret and body within the tolerance', () => {
    expect(verifyWebhookSignature(secret, header, body, 300, now + 299)).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, 300, now - 299)).toBe(true);
  });

  it.each([
    ['another secret', 'whsec_other', header, body, now],
    ['a changed body', secret, header, `${body} `, now],
    ['an old timestamp (replay)', secret, header, body, now + 301],
    ['a forged timestamp', secret, header.replace('t=1750000000', 't=1750000100'), body, now + 100],
    ['no header', secret, undefined, body, now],
    ['garbage', secret, 'nonsense', body, now],
    ['a truncated signature', secret, header.slice(0, -2), body, now],
  ])('refuses %s', (_label, key, h, raw, at) => {
    expect(verifyWebhookSignature(key, h, raw, 300, at)).toBe(false);
  });

  it('accepts any one of several v1 signatures (secret rotation)', () => {
    const other = signWebhookPayload('whsec_old', body, now).split(',')[1];
    expect(verifyWebhookSignature(secret, `${header},${other}`, body, 300, now)).toBe(true);
    expect(verifyWebhookSignature('whsec_old', `${header},${other}`, body, 300, now)).toBe(true);
  });
});

describe('retry back-off', () => {
  const options = { baseMs: 5_000, maxMs: 3_600_000 };

  it.each([
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [8, 640_000],
    [20, 3_600_000],
  ])('attempt %i waits between half and all of %i ms', (attempt, ceiling) => {
    expect(retryDelayMs(attempt, options, () => 0)).toBe(ceiling / 2);
    expect(retryDelayMs(attempt, options, () => 0.999_999)).toBeCloseTo(ceiling, -1);
  });
});

describe('event type patterns', () => {
  it.each([
    ['*', 'user.created', true],
    ['user.created', 'user.created', true],
    ['user.created', 'user.deleted', false],
    ['user.*', 'user.created', true],
    ['user.*', 'user.role.changed', true],
    ['user.*', 'user', false],
    ['user.*', 'users.created', false],
    ['api_key.*', 'api_key.revoked', true],
  ])('%s matches %s: %s', (pattern, type, expected) => {
    expect(eventTypeMatches(pattern, type)).toBe(expected);
  });

  it('maps event types to NATS subjects', () => {
    expect(eventSubject('user.created')).toBe('aeolus.events.user.created');
    expect(eventSubject('odd type.>', 'test.x')).toBe('test.x.odd_type._');
  });
});
