import {
  AeoCredentialVerification,
  AeoId,
  ErrorBody,
  PublicAeoCertificate,
  VerifyAeoCredential,
} from '@aeolus/contracts';
import { getPublicCertificate, renderCertificatePdf, verifyAeoCredential } from '@aeolus/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const errors = { 400: ErrorBody, 404: ErrorBody, 429: ErrorBody };
const params = z.object({ aeoId: AeoId });

/**
 * Public AEO register and credential verification (issue 3 §6; SAFE pillar 2: partners and other
 * administrations check an AEO's status without an account). Read-only; the global per-IP rate limit
 * applies.
 */
export async function publicAeoRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx, config, database } = app.services;
  // The QR code must open the platform's public page: the configured public URL, else the origin
  // the request came in on (development, single host).
  const baseUrlOf = (request: FastifyRequest) => config.publicUrl ?? `${request.protocol}://${request.host}`;

  app.get(
    '/api/public/aeo/:aeoId',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['public'],
        summary: "An AEO certificate's public register entry and current status",
        params,
        response: { 200: PublicAeoCertificate, ...errors },
      },
    },
    async (request, reply) => {
      // Status changes must show at once: shared caches may not keep the answer.
      reply.header('cache-control', 'no-store');
      return getPublicCertificate(ctx.db, request.params.aeoId);
    },
  );

  app.post(
    '/api/public/aeo/verify',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['public'],
        summary: 'Verify a signed AEO credential (JWS): signature, issuer, validity and current status',
        description:
          '`valid` is true only for a genuine, unexpired credential whose certificate is active now. ' +
          'A forged, altered, wrongly signed or expired credential, or a suspended or revoked certificate, ' +
          'gives `valid: false` with a `reason`.',
        body: VerifyAeoCredential,
        response: { 200: AeoCredentialVerification, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyAeoCredential(database, request.body.credential);
    },
  );

  app.get(
    '/api/public/aeo/:aeoId/certificate.pdf',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['public'],
        summary: 'The printable AEO certificate (PDF, EN/FR) with a QR code to the verification page',
        params,
        response: { 200: z.any().describe('application/pdf'), ...errors },
      },
    },
    async (request, reply) => {
      const { aeoId } = request.params;
      const pdf = await renderCertificatePdf(ctx.db, { aeoId, baseUrl: baseUrlOf(request) });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="AEO-${aeoId}.pdf"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    },
  );
}
