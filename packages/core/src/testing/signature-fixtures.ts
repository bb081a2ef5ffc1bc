/**
 * Signed PDFs for the signature-integrity tests, from two independent CMS producers so the verifier is
 * not only tested against one signer:
 * - @signpdf: placeholder via pdf-lib, CMS by node-forge from a PKCS#12 whose RSA key comes from
 *   node:crypto (the route a trader's signing tool takes);
 * - pkijs + WebCrypto: ECDSA P-256, signer identified by subject key identifier, CAdES and RFC 3161.
 */
import { createHash, generateKeyPairSync, webcrypto } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { Signer, SignPdf } from '@signpdf/signpdf';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { makePdf } from './document-fixtures.js';

export interface TestSignerIdentity {
  commonName: string;
  p12: Buffer;
  passphrase: string;
}

/** A self-signed RSA-2048 certificate in a PKCS#12, as a trader's signing tool would hold it. */
export function makeRsaSigner(commonName = 'Acme Logistics Compliance Officer'): TestSignerIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  certificate.serialNumber = '01';
  certificate.validity.notBefore = new Date(Date.now() - 86_400_000);
  certificate.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Acme Logistics B.V.' },
    { name: 'countryName', value: 'NL' },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.sign(key, forge.md.sha256.create());
  const passphrase = 'fixture';
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [certificate], passphrase, { algorithm: '3des' });
  return { commonName, p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), passphrase };
}

async function withPlaceholder(pdf: Uint8Array, subFilter?: string): Promise<Buffer> {
  const document = await PDFDocument.load(pdf);
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: 'AEO application evidence',
    contactInfo: 'compliance@acme-logistics.example',
    name: 'Acme Logistics',
    location: 'Rotterdam',
    ...(subFilter ? { subFilter } : {}),
  });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** A PDF signed with @signpdf's PKCS#12 signer (RSA, SHA-256, adbe.pkcs7.detached). */
export async function makeSignedPdf(
  options: { signer?: TestSignerIdentity; pdf?: Uint8Array; signingTime?: Date } = {},
): Promise<Uint8Array> {
  const identity = options.signer ?? makeRsaSigner();
  const prepared = await withPlaceholder(options.pdf ?? (await makePdf()));
  const signer = new P12Signer(identity.p12, { passphrase: identity.passphrase });
  return new Uint8Array(await new SignPdf().sign(prepared, signer, options.signingTime));
}

type PkiCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];
const subtle = webcrypto.subtle;
pkijs.setEngine(
  'node-webcrypto',
  new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as PkiCrypto }),
);

/**
 * CMS producer #2: pkijs + WebCrypto, ECDSA P-256, sid = subjectKeyIdentifier. `cades` signs the PDF
 * bytes (ETSI.CAdES.detached); `timestamp` wraps them in an RFC 3161 TSTInfo as a time-stamping
 * authority would (ETSI.RFC3161 document timestamp).
 */
class EcdsaCmsSigner extends Signer {
  constructor(
    private readonly commonName: string,
    private readonly mode: 'cades' | 'timestamp',
  ) {
    super();
  }

  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    const keys = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const certificate = new pkijs.Certificate();
    certificate.version = 2;
    certificate.serialNumber = new asn1js.Integer({ value: 7 });
    const cn = new pkijs.AttributeTypeAndValue({
      type: '2.5.4.3',
      value: new asn1js.Utf8String({ value: this.commonName }),
    });
    certificate.subject.typesAndValues.push(cn);
    certificate.issuer.typesAndValues.push(cn);
    certificate.notBefore.value = new Date(Date.now() - 86_400_000);
    certificate.notAfter.value = new Date(Date.now() + 86_400_000);
    await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
    // RFC 5280 §4.2.1.2 method 1; the extension is how verifiers (OpenSSL, NSS) match a SKI signer id.
    const keyId = createHash('sha1')
      .update(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)
      .digest();
    certificate.extensions = [
      new pkijs.Extension({
        extnID: '2.5.29.14',
        extnValue: new asn1js.OctetString({ valueHex: keyId }).toBER(false),
      }),
    ];
    await certificate.sign(keys.privateKey, 'SHA-256');
    const attr = (type: string, value: asn1js.BaseBlock) => new pkijs.Attribute({ type, values: [value] });
    const time = signingTime ?? new Date();
    const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();
    let eContentType = '1.2.840.113549.1.7.1';
    let signedContent: Uint8Array = content;
    let eContent: asn1js.OctetString | undefined;
    if (this.mode === 'timestamp') {
      const tst = new pkijs.TSTInfo({
        version: 1,
        policy: '1.3.6.1.4.1.99999.1',
        messageImprint: new pkijs.MessageImprint({
          hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' }),
          hashedMessage: new asn1js.OctetString({ valueHex: sha256(content) }),
        }),
        serialNumber: new asn1js.Integer({ value: 1 }),
        genTime: time,
      });
      eContentType = '1.2.840.113549.1.9.16.1.4';
      signedContent = new Uint8Array(tst.toSchema().toBER(false));
      eContent = new asn1js.OctetString({ valueHex: signedContent });
    }
    const timeAttributes =
      this.mode === 'cades' ? [attr('1.2.840.113549.1.9.5', new asn1js.UTCTime({ valueDate: time }))] : [];
    const signed = new pkijs.SignedData({
      version: 3,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({
        eContentType,
        ...(eContent ? { eContent } : {}),
      }),
      certificates: [certificate],
      signerInfos: [
        new pkijs.SignerInfo({
          version: 3,
          sid: new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: keyId }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              attr('1.2.840.113549.1.9.3', new asn1js.ObjectIdentifier({ value: eContentType })),
              ...timeAttributes,
              attr('1.2.840.113549.1.9.4', new asn1js.OctetString({ valueHex: sha256(signedContent) })),
            ],
          }),
        }),
      ],
    });
    await signed.sign(keys.privateKey, 0, 'SHA-256');
    const info = new pkijs.ContentInfo({
      contentType: '1.2.840.113549.1.7.2',
      content: signed.toSchema(true),
    });
    return Buffer.from(info.toSchema().toBER(false));
  }
}

export async function makeEcdsaSignedPdf(commonName = 'Globex Customs Desk'): Promise<Uint8Array> {
  const prepared = await withPlaceholder(await makePdf(), 'ETSI.CAdES.detached');
  return new Uint8Array(await new SignPdf().sign(prepared, new EcdsaCmsSigner(commonName, 'cades')));
}

export async function makeTimestampedPdf(genTime: Date, tsaName = 'Aeolus Test TSA'): Promise<Uint8Array> {
  const prepared = await withPlaceholder(await makePdf(), 'ETSI.RFC3161');
  return new Uint8Array(
    await new SignPdf().sign(prepared, new EcdsaCmsSigner(tsaName, 'timestamp'), genTime),
  );
}

const KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const OIDS = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
};

/**
 * A CMS SignedData from node-forge over `content`, for the CMS checker's own tests: SHA-1 and
 * no-signed-attributes variants that no PDF tool here produces.
 */
export function makeForgeCms(options: {
  content: Uint8Array;
  digest: 'sha1' | 'sha256';
  signedAttributes: boolean;
  commonName?: string;
}): Uint8Array {
  const identity = makeRsaSigner(options.commonName);
  const p12 = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(identity.p12.toString('binary'))),
    identity.passphrase,
  );
  const key = p12.getBags({ bagType: KEY_BAG })[KEY_BAG]?.[0]?.key;
  const certificate = p12.getBags({ bagType: CERT_BAG })[CERT_BAG]?.[0]?.cert;
  if (!key || !certificate) throw new Error('fixture: PKCS#12 without key or certificate');
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(Buffer.from(options.content).toString('binary'));
  p7.addCertificate(certificate);
  p7.addSigner({
    key,
    certificate,
    digestAlgorithm: options.digest === 'sha1' ? OIDS.sha1 : OIDS.sha256,
    authenticatedAttributes: options.signedAttributes
      ? [{ type: OIDS.contentType, value: OIDS.data }, { type: OIDS.messageDigest }]
      : [],
  });
  p7.sign({ detached: true });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary'));
}
