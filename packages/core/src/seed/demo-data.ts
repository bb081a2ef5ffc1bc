import type { ApiKeyScope, Role } from '@aeolus/contracts';
import type { NewOrganisation } from '../identity/organisations.service.js';

/**
 * The demo world, in our own words: two customs administrations (Netherlands and Kenya), the WCO
 * secretariat and four operators. Every account's password is DEMO_PASSWORD. Identifiers are fictional.
 */
export const DEMO_PASSWORD = 'aeolus-demo';

/**
 * The demo API key: Acme Logistics' key with the `filing` scope only, so that the filing API can be tried
 * on a fresh demo without signing in first (README: "Screening"). Published like DEMO_PASSWORD, and seeded
 * only with the demo data.
 */
export const DEMO_API_KEY = {
  org: 'acme',
  name: 'Demo filing key',
  key: 'aeo_decaf0000001_Acme-Logistics-demo-filing-key_not-a-secret',
  scopes: ['filing'],
} as const satisfies { org: DemoOrgKey; name: string; key: string; scopes: readonly ApiKeyScope[] };

export type DemoOrgKey = 'nl' | 'ke' | 'wco' | 'rocb' | 'acme' | 'tulip' | 'globex' | 'savanna';

export const DEMO_ORGANISATIONS: Record<DemoOrgKey, NewOrganisation & { supervisedBy?: DemoOrgKey }> = {
  nl: { kind: 'customs_administration', name: 'Netherlands Customs (demo)', country: 'NL' },
  ke: { kind: 'customs_administration', name: 'Kenya Customs Services (demo)', country: 'KE' },
  wco: { kind: 'secretariat', name: 'WCO Secretariat (demo)' },
  // A second secretariat-side tenant (a WCO regional office running a regional review): proves that one
  // secretariat organisation never sees another's SAFE assessment campaigns.
  rocb: { kind: 'secretariat', name: 'WCO ROCB East and Southern Africa (demo)' },
  acme: {
    kind: 'economic_operator',
    name: 'Acme Logistics',
    legalName: 'Acme Logistics B.V.',
    country: 'NL',
    isSme: true,
    supplyChainRoles: ['freight_forwarder', 'customs_broker'],
    identifiers: [{ scheme: 'EORI', value: 'NL812345670' }],
    supervisedBy: 'nl',
  },
  tulip: {
    kind: 'economic_operator',
    name: 'Tulip Freight Holland',
    legalName: 'Tulip Freight Holland B.V.',
    country: 'NL',
    isSme: false,
    supplyChainRoles: ['carrier', 'warehouse_operator', 'importer'],
    identifiers: [{ scheme: 'EORI', value: 'NL823456781' }],
    supervisedBy: 'nl',
  },
  globex: {
    kind: 'economic_operator',
    name: 'Globex Kenya',
    legalName: 'Globex Kenya Limited',
    country: 'KE',
    isSme: false,
    supplyChainRoles: ['importer', 'exporter'],
    identifiers: [{ scheme: 'TIN', value: 'P051234567K' }],
    supervisedBy: 'ke',
  },
  savanna: {
    kind: 'economic_operator',
    name: 'Savanna Fresh Exporters',
    legalName: 'Savanna Fresh Exporters Ltd',
    country: 'KE',
    isSme: true,
    supplyChainRoles: ['exporter', 'manufacturer'],
    identifiers: [{ scheme: 'TIN', value: 'P052345678S' }],
    supervisedBy: 'ke',
  },
};

export interface DemoAccount {
  email: string;
  displayName: string;
  locale: 'en' | 'fr';
  memberships: { org: DemoOrgKey; role: Role }[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@nl.customs.example',
    displayName: 'Noor de Vries',
    locale: 'en',
    memberships: [{ org: 'nl', role: 'admin' }],
  },
  {
    email: 'validator@nl.customs.example',
    displayName: 'Daan Bakker',
    locale: 'en',
    memberships: [{ org: 'nl', role: 'aeo_validator' }],
  },
  {
    email: 'analyst@nl.customs.example',
    displayName: 'Sanne Visser',
    locale: 'en',
    memberships: [{ org: 'nl', role: 'risk_analyst' }],
  },
  {
    email: 'crisis@nl.customs.example',
    displayName: 'Joris Smit',
    locale: 'en',
    memberships: [{ org: 'nl', role: 'crisis_coordinator' }],
  },
  {
    email: 'admin@ke.customs.example',
    displayName: 'Wanjiru Kamau',
    locale: 'en',
    memberships: [{ org: 'ke', role: 'admin' }],
  },
  {
    email: 'validator@ke.customs.example',
    displayName: 'Otieno Ouma',
    locale: 'en',
    memberships: [{ org: 'ke', role: 'aeo_validator' }],
  },
  {
    email: 'analyst@ke.customs.example',
    displayName: 'Achieng Otieno',
    locale: 'en',
    memberships: [{ org: 'ke', role: 'risk_analyst' }],
  },
  {
    email: 'secretariat@wco.example',
    displayName: 'Claire Dubois',
    locale: 'fr',
    memberships: [{ org: 'wco', role: 'secretariat_analyst' }],
  },
  {
    email: 'analyst@rocb-esa.example',
    displayName: 'Neema Mwakyusa',
    locale: 'en',
    memberships: [{ org: 'rocb', role: 'secretariat_analyst' }],
  },
  {
    email: 'trader@acme-logistics.example',
    displayName: 'Eva Jansen',
    locale: 'en',
    // Acme also files as customs broker for Tulip Freight, so this account switches between the two.
    memberships: [
      { org: 'acme', role: 'operator_admin' },
      { org: 'tulip', role: 'operator_user' },
    ],
  },
  {
    email: 'trader@globex.example',
    displayName: 'Amani Mwangi',
    locale: 'en',
    memberships: [{ org: 'globex', role: 'operator_admin' }],
  },
];
