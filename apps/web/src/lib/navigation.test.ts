import { ACTIONS, ROLES, type Role, roleAllows } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { AREAS, buildNavigation, canOpen, sideOf } from './navigation.js';

const areasOf = (roles: Role[]) => buildNavigation(roles).flatMap((s) => s.areas.map((a) => a.id));

describe('buildNavigation', () => {
  it.each<[Role, string[]]>([
    [
      'admin',
      [
        'home',
        'aeoProgramme',
        'validationQueue',
        'risk',
        'recovery',
        'safeMonitoring',
        'compilation',
        'organisation',
        'audit',
        'webhooks',
        'profile',
      ],
    ],
    [
      'aeo_validator',
      ['home', 'aeoProgramme', 'validationQueue', 'safeMonitoring', 'organisation', 'profile'],
    ],
    ['risk_analyst', ['home', 'risk', 'safeMonitoring', 'organisation', 'profile']],
    ['crisis_coordinator', ['home', 'recovery', 'safeMonitoring', 'organisation', 'profile']],
    [
      'operator_admin',
      ['home', 'aeoStatus', 'filings', 'continuity', 'organisation', 'audit', 'webhooks', 'profile'],
    ],
    ['operator_user', ['home', 'aeoStatus', 'filings', 'continuity', 'organisation', 'profile']],
    ['secretariat_analyst', ['home', 'safeMonitoring', 'compilation', 'organisation', 'audit', 'profile']],
  ])('%s sees its areas in section order', (role, expected) => {
    expect(areasOf([role])).toEqual(expected);
  });

  it('combines the areas of several roles without duplicates', () => {
    const ids = areasOf(['risk_analyst', 'crisis_coordinator']);
    expect(ids).toEqual(['home', 'risk', 'recovery', 'safeMonitoring', 'organisation', 'profile']);
  });

  it('leaves out sections with nothing to show', () => {
    expect(buildNavigation(['crisis_coordinator']).map((s) => s.id)).toEqual([
      'overview',
      'administration',
      'secretariat',
      'organisation',
    ]);
  });
});

describe('areas and the permission catalogue', () => {
  it('every foundation area follows roleAllows for every role', () => {
    for (const area of AREAS) {
      if (!('action' in area.access)) continue;
      for (const role of ROLES) {
        expect(canOpen(area, [role]), `${area.id} for ${role}`).toBe(roleAllows([role], area.access.action));
      }
    }
  });

  it('names only actions that exist, and each area has its own path', () => {
    for (const area of AREAS) {
      if ('action' in area.access) expect(ACTIONS).toContain(area.access.action);
    }
    expect(new Set(AREAS.map((a) => a.path)).size).toBe(AREAS.length);
  });

  it('no role is left without something beyond the home page', () => {
    for (const role of ROLES) expect(areasOf([role]).length, role).toBeGreaterThan(2);
  });
});

describe('sideOf', () => {
  it('places roles on the administration, operator or secretariat side', () => {
    expect(sideOf(['aeo_validator'])).toBe('administration');
    expect(sideOf(['operator_user'])).toBe('operator');
    expect(sideOf(['secretariat_analyst'])).toBe('secretariat');
  });
});
