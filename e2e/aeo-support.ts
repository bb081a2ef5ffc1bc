import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { expect, type Locator, type Page } from '@playwright/test';
import { PDFDocument, PDFName, type PDFNumber, PDFRawStream, StandardFonts } from 'pdf-lib';
import { apiSession } from './api-session.js';

// jsQR is a UMD bundle whose module.exports is the function itself.
const jsQR = createRequire(import.meta.url)('jsqr') as typeof import('jsqr').default;

/** Shared steps of the AEO journeys: evidence, answering the SAQ as a person would, clean-up. */

export const TRADER = 'trader@acme-logistics.example';
export const VALIDATOR = 'validator@nl.customs.example';

/** A small, real, one-page PDF made here, so the platform inspects and hashes actual bytes. */
export async function securityPlanPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Acme Logistics — security plan');
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText('Acme Logistics B.V. — Security and records plan', { x: 50, y: 780, size: 16, font });
  page.drawText('Audit trail, archiving, premises and seal procedures.', { x: 50, y: 750, size: 11, font });
  return Buffer.from(await pdf.save());
}

/** Open states an operator may still withdraw from (see the workflow in packages/core/src/aeo). */
const WITHDRAWABLE = ['draft', 'submitted', 'returned', 'under_review', 'visit_planned', 'visit_recorded'];

/** The journeys start Acme's application: one left open by an earlier run is withdrawn first. */
export async function withdrawLiveApplications(baseURL: string): Promise<void> {
  const trader = await apiSession(baseURL, TRADER);
  const items = (await (await trader.get('/api/aeo/applications')).json()).items as {
    id: string;
    status: string;
  }[];
  for (const item of items.filter((i) => WITHDRAWABLE.includes(i.status))) {
    const res = await trader.post(`/api/aeo/applications/${item.id}/operator-actions`, {
      type: 'withdraw',
      reason: 'Cleared before the browser journey.',
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  await trader.dispose();
}

// Answers chosen to read like a real, careful SME (a "no" where "yes" would be a red flag).
const NO = new Set([
  'compliance_breaches',
  'financial_insolvency',
  'financial_arrears',
  'cargo_discrepancies',
]);

/** Answers one question the way a person would, by its type. */
export async function answer(question: Locator, pdf: Buffer): Promise<void> {
  const id = (await question.getAttribute('data-question-id')) ?? '';
  switch (await question.getAttribute('data-question-type')) {
    case 'yes_no':
      await question.locator(`input[value="${NO.has(id) ? 'no' : 'yes'}"]`).check();
      return;
    case 'single_choice':
      await question.locator('input[type="radio"]').first().check();
      return;
    case 'maturity':
      await question.locator('input[type="radio"]').nth(3).check();
      return;
    case 'multiple_choice':
      await question.locator('input[type="checkbox"]').first().check();
      return;
    case 'number':
      await question.locator('input').fill('10');
      return;
    case 'date':
      await question.locator('input').fill('2025-12-31');
      return;
    case 'text':
      await question.locator('input, textarea').fill('Described in our procedures manual, section 4.');
      return;
    case 'evidence':
      await question.getByTestId(`evidence-upload-${id}`).setInputFiles({
        name: `${id}.pdf`,
        mimeType: 'application/pdf',
        buffer: pdf,
      });
      await expect(question.getByTestId('document-facts')).toBeVisible();
      return;
    default:
      throw new Error(`unexpected question type for ${id}`);
  }
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('saq-save-status')).toHaveAttribute('data-state', 'saved', {
    timeout: 15_000,
  });
}

/** Answers every required question still open, by type, as the form reveals them (conditions). */
export async function answerRequiredQuestions(page: Page, pdf: Buffer): Promise<void> {
  await expect(page.getByTestId('saq-question').first()).toBeVisible(); // the form has loaded
  const open = page.locator('[data-testid="saq-question"][data-answered="false"][data-required="true"]');
  for (let i = 0; i < 120 && (await open.count()) > 0; i++) {
    // Pinned by id: once answered, the question leaves the `open` list.
    const id = await open.first().getAttribute('data-question-id');
    await answer(page.locator(`#question-${id}`), pdf);
  }
  await expect(open).toHaveCount(0);
  await expectSaved(page);
}

/**
 * Reads the QR code printed on a PDF certificate, as a phone would: finds the QR image in the PDF,
 * decodes its pixels and returns the text (the verification link). pdf-lib stores an embedded PNG as
 * Flate-compressed 8-bit RGB (alpha in a separate soft mask), which is what is decoded here.
 */
export async function readQrLink(pdfBytes: Buffer): Promise<string> {
  const pdf = await PDFDocument.load(pdfBytes);
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const dict = object.dict;
    if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    if (dict.get(PDFName.of('ColorSpace')) !== PDFName.of('DeviceRGB')) continue;
    const width = (dict.get(PDFName.of('Width')) as PDFNumber).asNumber();
    const height = (dict.get(PDFName.of('Height')) as PDFNumber).asNumber();
    const rgb = inflateSync(object.contents);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0, j = 0; i < width * height; i++, j += 3) {
      rgba.set([rgb[j]!, rgb[j + 1]!, rgb[j + 2]!, 255], i * 4);
    }
    const code = jsQR(rgba, width, height);
    if (code) return code.data;
  }
  throw new Error('the PDF holds no readable QR code');
}
