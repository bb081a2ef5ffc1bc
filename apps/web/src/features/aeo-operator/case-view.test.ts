import type { AeoApplicationDetail } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import {
  canReportChange,
  decisionGrounds,
  isLive,
  latestPayloadText,
  openInformationRequest,
  submittedAt,
} from './case-view.js';

type Entry = AeoApplicationDetail['actions'][number];
let n = 0;
const entry = (
  type: string,
  payload: Record<string, unknown> = {},
  at = `2026-01-0${++n}T10:00:00.000Z`,
): Entry => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  type,
  side: 'administration',
  actorLabel: 'Validator',
  at,
  payload,
});

describe('reading the action log', () => {
  const actions = [
    entry('submit', {}, '2026-01-01T09:00:00.000Z'),
    entry('return_incomplete', { reason: 'Financial statements missing' }),
    entry('submit', {}, '2026-01-05T09:00:00.000Z'),
    entry('accept'),
    entry('request_information', { question: 'Send the seal register.' }, '2026-01-07T09:00:00.000Z'),
  ];

  it('takes the latest submission and the latest reason of a type', () => {
    expect(submittedAt({ actions })).toBe('2026-01-05T09:00:00.000Z');
    expect(submittedAt({ actions: [] })).toBeNull();
    expect(latestPayloadText({ actions }, 'return_incomplete', 'reason')).toBe(
      'Financial statements missing',
    );
    expect(latestPayloadText({ actions }, 'refuse', 'reason')).toBeNull();
  });

  it('shows the open information request only while customs is waiting', () => {
    expect(openInformationRequest({ actions, awaitingInformation: true })).toEqual({
      question: 'Send the seal register.',
      at: '2026-01-07T09:00:00.000Z',
    });
    expect(openInformationRequest({ actions, awaitingInformation: false })).toBeNull();
  });

  it('finds the grounds an appeal answers: refusal reasons, suspension or revocation grounds', () => {
    const refused = [...actions, entry('refuse', { reasons: ['No audit trail', '', 7] })];
    expect(decisionGrounds({ actions: refused, status: 'refused' })).toEqual(['No audit trail']);
    const suspended = [
      entry('grant', { category: 'F' }),
      entry('suspend', { grounds: 'Gate camera broken' }),
    ];
    expect(decisionGrounds({ actions: suspended, status: 'suspended' })).toEqual(['Gate camera broken']);
    expect(decisionGrounds({ actions: suspended, status: 'granted' })).toEqual([]);
  });
});

describe('what the operator may do', () => {
  const certificate = {
    id: '00000000-0000-4000-8000-000000000001',
    aeoId: 'NLAEOF000001',
    status: 'active',
    category: 'F',
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: null,
    reassessmentDue: null,
    credential: 'a.b.c',
  };

  it('reports changes only while holding a certificate', () => {
    expect(canReportChange({ status: 'granted', certificate })).toBe(true);
    expect(canReportChange({ status: 'under_appeal', certificate })).toBe(true);
    expect(canReportChange({ status: 'revoked', certificate })).toBe(false);
    expect(canReportChange({ status: 'under_review', certificate: null })).toBe(false);
  });

  it.each([
    ['draft', true],
    ['granted', true],
    ['withdrawn', false],
    ['refused', false],
    ['revoked', false],
  ] as const)('an application that is %s is live: %s', (status, live) => {
    expect(isLive({ status })).toBe(live);
  });
});
