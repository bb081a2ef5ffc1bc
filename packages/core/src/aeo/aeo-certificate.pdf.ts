import { degrees, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../errors.js';
import { printable } from '../shared/pdf-text.js';
import { type CertificateDetails, findCertificateDetails } from './aeo-certificate.public.js';

/** The public verification page a certificate's QR code opens (the web app's `/verify/:aeoId`). */
export function verificationUrl(baseUrl: string, aeoId: string, credential?: string): string {
  const base = `${baseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(aeoId)}`;
  return credential ? `${base}?c=${credential}` : base;
}

const NAVY = rgb(0.06, 0.17, 0.36);
const GOLD = rgb(0.72, 0.56, 0.2);
const GREY = rgb(0.35, 0.38, 0.42);
const RED = rgb(0.7, 0.1, 0.1);

const dateOf = (d: Date | string | null) =>
  d === null ? null : (typeof d === 'string' ? d : d.toISOString()).slice(0, 10);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = NAVY) {
  const safe = printable(text);
  const width = font.widthOfTextAtSize(safe, size);
  page.drawText(safe, { x: (page.getWidth() - width) / 2, y, size, font, color });
}

function field(page: PDFPage, fonts: Fonts, at: { x: number; y: number }, label: string, value: string) {
  page.drawText(printable(label), { x: at.x, y: at.y, size: 8, font: fonts.regular, color: GREY });
  page.drawText(printable(value), { x: at.x, y: at.y - 15, size: 12, font: fonts.bold, color: NAVY });
}

function frame(page: PDFPage) {
  const { width, height } = page.getSize();
  page.drawRectangle({
    x: 20,
    y: 20,
    width: width - 40,
    height: height - 40,
    borderColor: NAVY,
    borderWidth: 3,
  });
  page.drawRectangle({
    x: 28,
    y: 28,
    width: width - 56,
    height: height - 56,
    borderColor: GOLD,
    borderWidth: 1,
  });
}

/**
 * The printable AEO certificate (A4, bilingual EN/FR). The QR code carries the signed credential, so
 * the public verification page checks the signature and the current status — the paper itself
 * proves nothing once the status changes, and the page says so.
 */
export async function renderCertificatePdf(
  db: Db | Tx,
  input: { aeoId: string; baseUrl: string },
): Promise<Uint8Array> {
  const details = await findCertificateDetails(db, input.aeoId);
  if (!details) throw AppError.notFound('AEO certificate');
  return drawCertificate(details, input.baseUrl);
}

async function drawCertificate(details: CertificateDetails, baseUrl: string): Promise<Uint8Array> {
  const { certificate, holder, administration, programme, category } = details;
  const pdf = await PDFDocument.create();
  pdf.setTitle(`AEO certificate ${certificate.aeoId}`);
  pdf.setAuthor(administration.name);
  pdf.setSubject(`${programme.name.en} — ${holder.legalName ?? holder.name}`);
  pdf.setCreator('Aeolus');
  pdf.setCreationDate(certificate.issuedAt);
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
  };
  const page = pdf.addPage([595.28, 841.89]);
  const { width } = page.getSize();
  frame(page);

  centred(page, administration.name.toUpperCase(), 780, fonts.bold, 11, GREY);
  centred(page, 'Authorised Economic Operator', 742, fonts.bold, 26);
  centred(page, 'Opérateur économique agréé', 716, fonts.italic, 17, GREY);
  page.drawLine({ start: { x: 150, y: 703 }, end: { x: width - 150, y: 703 }, thickness: 1.5, color: GOLD });
  centred(page, programme.name.en, 682, fonts.bold, 13);
  if (programme.name.fr !== programme.name.en) centred(page, programme.name.fr, 666, fonts.italic, 11, GREY);

  centred(page, 'This certifies that · Il est certifié que', 630, fonts.regular, 10, GREY);
  centred(page, holder.legalName ?? holder.name, 604, fonts.bold, 20);
  const ids = holder.identifiers.map((i) => `${i.scheme} ${i.value}`).join('  ·  ');
  centred(page, [holder.country, ids].filter(Boolean).join('  ·  '), 586, fonts.regular, 10, GREY);
  centred(page, 'holds the status of Authorised Economic Operator', 560, fonts.regular, 10, GREY);
  centred(page, "détient le statut d'opérateur économique agréé", 547, fonts.italic, 10, GREY);

  // The identifier in a box: what border officers and partners key in.
  page.drawRectangle({ x: 150, y: 485, width: width - 300, height: 46, color: rgb(0.95, 0.96, 0.98) });
  centred(page, 'AEO identifier · Numéro OEA', 516, fonts.regular, 8, GREY);
  centred(page, certificate.aeoId, 493, fonts.bold, 20);

  const left = 70;
  const right = width / 2 + 20;
  field(page, fonts, { x: left, y: 455 }, 'Category · Catégorie', category?.name.en ?? certificate.category);
  if (category && category.name.fr !== category.name.en) {
    page.drawText(printable(category.name.fr), { x: left, y: 425, size: 9, font: fonts.italic, color: GREY });
  }
  field(page, fonts, { x: right, y: 455 }, 'Issued by · Délivré par', administration.name);
  field(page, fonts, { x: left, y: 400 }, 'Valid from · Valide à partir du', dateOf(certificate.validFrom)!);
  const until = dateOf(certificate.validUntil);
  const reassess = dateOf(certificate.reassessmentDue);
  field(
    page,
    fonts,
    { x: right, y: 400 },
    until ? 'Valid until · Valide jusqu’au' : 'Reassessment due · Réexamen prévu',
    until ?? reassess ?? 'Open-ended · Sans limite',
  );

  centred(
    page,
    'Issued electronically and sealed with the administration’s digital signature.',
    350,
    fonts.regular,
    9,
    GREY,
  );
  centred(
    page,
    'Délivré par voie électronique et scellé par la signature numérique de l’administration.',
    337,
    fonts.italic,
    9,
    GREY,
  );

  const link = verificationUrl(baseUrl, certificate.aeoId, certificate.credential);
  // Level L keeps the symbol as coarse as possible for a ~1.5 kB link; it is printed large.
  const png = await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'L', margin: 2, width: 600 });
  const qr = await pdf.embedPng(png);
  const qrSize = 190;
  page.drawImage(qr, { x: left - 8, y: 120, width: qrSize, height: qrSize });

  const tx = left + qrSize + 10;
  const lines: [string, PDFFont, number][] = [
    ['Verify this certificate', fonts.bold, 11],
    ['Scan the code, or open the address below and enter', fonts.regular, 9],
    ['the AEO identifier. The page checks the signature and', fonts.regular, 9],
    ['shows the status today: active, suspended or revoked.', fonts.regular, 9],
    ['', fonts.regular, 6],
    ['Vérifier ce certificat', fonts.bold, 11],
    ["Scannez le code ou ouvrez l'adresse ci-dessous et saisissez", fonts.italic, 9],
    ['le numéro OEA. La page vérifie la signature et indique le', fonts.italic, 9],
    ['statut du jour : actif, suspendu ou retiré.', fonts.italic, 9],
    ['', fonts.regular, 6],
    [verificationUrl(baseUrl, certificate.aeoId), fonts.bold, 9],
  ];
  let y = 290;
  for (const [text, font, size] of lines) {
    page.drawText(printable(text), { x: tx, y, size, font, color: font === fonts.bold ? NAVY : GREY });
    y -= size + 5;
  }

  if (certificate.status !== 'active') {
    const label = certificate.status === 'suspended' ? 'SUSPENDED · SUSPENDU' : 'REVOKED · RETIRÉ';
    // Centred across the page along a 20° diagonal, so that a printed copy cannot pass as current.
    const size = 40;
    const length = fonts.bold.widthOfTextAtSize(label, size);
    const angle = (20 * Math.PI) / 180;
    page.drawText(label, {
      x: (width - length * Math.cos(angle)) / 2,
      y: 400 - (length * Math.sin(angle)) / 2,
      size,
      font: fonts.bold,
      color: RED,
      opacity: 0.35,
      rotate: degrees(20),
    });
  }

  page.drawLine({ start: { x: 50, y: 98 }, end: { x: width - 50, y: 98 }, thickness: 0.5, color: GREY });
  const footer = [
    `Signed credential (W3C Verifiable Credential, Ed25519) · key ${certificate.keyId}`,
    `Certificate ${certificate.id} · issued ${dateOf(certificate.issuedAt)} · public keys: ${baseUrl.replace(/\/+$/, '')}/.well-known/jwks.json`,
  ];
  footer.forEach((text, i) => {
    page.drawText(printable(text), { x: 50, y: 84 - i * 11, size: 7, font: fonts.regular, color: GREY });
  });
  return pdf.save();
}
