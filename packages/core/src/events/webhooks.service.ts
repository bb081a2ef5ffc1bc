import type {
  CreatedWebhook,
  CreateWebhook,
  Webhook,
  WebhookDeliveriesQuery,
  WebhookDelivery,
  WebhookDeliveryPage,
} from '@aeolus/contracts';
import type { CoreContext } from '../context.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, tenantOf } from '../identity/authorization.js';
import { encryptSecret, randomToken } from '../shared/crypto.js';
import { nextCursor, parseCursor } from '../shared/page-cursor.js';
import { recordChange } from '../shared/record-change.js';
import { toWebhook, toWebhookDelivery, toWebhookDeliveryAttempt } from './events.mapper.js';
import * as repo from './webhooks.repository.js';

/**
 * Webhook subscriptions of the actor's organisation. Every query is scoped to that organisation, so
 * another tenant's subscription or delivery answers 404 (its existence does not leak). The worker's
 * delivery outcomes are not recorded as events: an event about a delivery, delivered by webhook, would
 * feed itself for ever. What people do here (create, disable, delete, redeliver) is.
 */

async function getOwnSubscription(ctx: CoreContext, actor: Actor, id: string): Promise<repo.SubscriptionRow> {
  const row = await repo.findSubscription(ctx.db, tenantOf(actor), id);
  if (!row) throw AppError.notFound('Webhook');
  return row;
}

/** Creates a subscription; the signing secret is returned here only and stored encrypted. */
export async function createWebhook(
  ctx: CoreContext,
  actor: Actor,
  input: CreateWebhook,
): Promise<CreatedWebhook> {
  authorize(actor, 'webhooks:manage');
  const organisationId = tenantOf(actor);
  const secret = `whsec_${randomToken(32)}`;
  const eventTypes = [...new Set(input.eventTypes)];
  const row = await inTransaction(ctx.db, async (tx) => {
    const created = await repo.insertSubscription(tx, {
      organisationId,
      url: input.url,
      description: input.description,
      eventTypes,
      secretEncrypted: encryptSecret(ctx.config.secrets.keyEncryptionKey, secret),
      createdByUserId: actor.kind === 'user' ? actor.userId : null,
    });
    await recordChange(tx, actor, {
      action: 'webhook.created',
      subjectType: 'webhook',
      subjectId: created.id,
      summary: { after: { url: created.url, eventTypes } },
      event: { webhookId: created.id, url: created.url, eventTypes },
    });
    return created;
  });
  return { webhook: toWebhook(row), secret };
}

export async function listWebhooks(ctx: CoreContext, actor: Actor): Promise<Webhook[]> {
  authorize(actor, 'webhooks:manage');
  return (await repo.listSubscriptions(ctx.db, tenantOf(actor))).map(toWebhook);
}

export async function getWebhook(ctx: CoreContext, actor: Actor, input: { id: string }): Promise<Webhook> {
  authorize(actor, 'webhooks:manage');
  return toWebhook(await getOwnSubscription(ctx, actor, input.id));
}

/** Stops deliveries at once: nothing new is queued and what is still pending is dead-lettered. */
export async function disableWebhook(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string },
): Promise<Webhook> {
  authorize(actor, 'webhooks:manage');
  const existing = await getOwnSubscription(ctx, actor, input.id);
  if (existing.disabledAt) throw new AppError('INVALID_STATE', 'This webhook is already disabled');
  const row = await inTransaction(ctx.db, async (tx) => {
    const disabled = await repo.disableSubscription(tx, existing.organisationId, existing.id);
    if (!disabled) throw new AppError('INVALID_STATE', 'This webhook is already disabled');
    const dropped = await repo.killPendingDeliveries(tx, existing.id, 'the subscription was disabled');
    await recordChange(tx, actor, {
      action: 'webhook.disabled',
      subjectType: 'webhook',
      subjectId: existing.id,
      summary: { before: { disabledAt: null }, after: { disabledAt: disabled.disabledAt?.toISOString() } },
      event: { webhookId: existing.id, pendingDeliveriesDropped: dropped },
    });
    return disabled;
  });
  return toWebhook(row);
}

/** Deletes the subscription with its delivery log. The audit entry keeps what it was. */
export async function deleteWebhook(ctx: CoreContext, actor: Actor, input: { id: string }): Promise<void> {
  authorize(actor, 'webhooks:manage');
  const existing = await getOwnSubscription(ctx, actor, input.id);
  await inTransaction(ctx.db, async (tx) => {
    if (!(await repo.deleteSubscription(tx, existing.organisationId, existing.id))) {
      throw AppError.notFound('Webhook');
    }
    await recordChange(tx, actor, {
      action: 'webhook.deleted',
      subjectType: 'webhook',
      subjectId: existing.id,
      summary: { before: { url: existing.url, eventTypes: existing.eventTypes } },
      event: { webhookId: existing.id },
    });
  });
}

/** The delivery log of a subscription, newest first, each delivery with its attempts. */
export async function listWebhookDeliveries(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string } & WebhookDeliveriesQuery,
): Promise<WebhookDeliveryPage> {
  authorize(actor, 'webhooks:manage');
  const subscription = await getOwnSubscription(ctx, actor, input.id);
  const rows = await repo.listDeliveries(ctx.db, {
    organisationId: subscription.organisationId,
    subscriptionId: subscription.id,
    status: input.status,
    before: input.cursor ? parseCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const attempts = await repo.listAttempts(
    ctx.db,
    page.map((d) => d.id),
  );
  return {
    items: page.map((d) => ({
      ...toWebhookDelivery(d),
      attemptLog: attempts.filter((a) => a.deliveryId === d.id).map(toWebhookDeliveryAttempt),
    })),
    nextCursor: nextCursor(rows, input.limit),
  };
}

/** Puts a dead-lettered delivery back in the queue for a fresh round of attempts. */
export async function redeliverWebhookDelivery(
  ctx: CoreContext,
  actor: Actor,
  input: { id: string; deliveryId: string },
): Promise<WebhookDelivery> {
  authorize(actor, 'webhooks:manage');
  const subscription = await getOwnSubscription(ctx, actor, input.id);
  const delivery = await repo.findDelivery(ctx.db, {
    organisationId: subscription.organisationId,
    subscriptionId: subscription.id,
    id: input.deliveryId,
  });
  if (!delivery) throw AppError.notFound('Webhook delivery');
  if (subscription.disabledAt) throw new AppError('INVALID_STATE', 'The webhook is disabled');
  if (delivery.status !== 'dead') {
    throw new AppError(
      'INVALID_STATE',
      `Only a dead delivery can be redelivered (this one is ${delivery.status})`,
    );
  }
  const row = await inTransaction(ctx.db, async (tx) => {
    const requeued = await repo.requeueDeadDelivery(tx, delivery.id);
    if (!requeued) throw new AppError('INVALID_STATE', 'Only a dead delivery can be redelivered');
    await recordChange(tx, actor, {
      action: 'webhook.delivery_requeued',
      subjectType: 'webhook_delivery',
      subjectId: delivery.id,
      summary: { before: { status: 'dead', attempts: delivery.attempts }, after: { status: 'pending' } },
      event: { webhookId: subscription.id, deliveryId: delivery.id, eventId: delivery.eventId },
    });
    return requeued;
  });
  return toWebhookDelivery(row);
}
