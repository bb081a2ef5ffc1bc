/** Actions the foundation records; offered as suggestions in the filter (the filter matches by prefix). */
export const KNOWN_AUDIT_ACTIONS = [
  'api_key.created',
  'api_key.revoked',
  'membership.created',
  'organisation.created',
  'user.created',
  'user.locked_out',
  'user.password_changed',
  'user.profile_updated',
  'user.signed_in',
  'user.signed_out',
  'user.switched_organisation',
  'webhook.created',
  'webhook.deleted',
  'webhook.delivery_requeued',
  'webhook.disabled',
] as const;
