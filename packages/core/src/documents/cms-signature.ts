/**
 * Integrity check of a CMS SignedData (RFC 5652) as embedded in PDF signatures.
 *
 * Library choice: pkijs + asn1js (PeculiarVentures, BSD-3-Clause) parse the ASN.1. They are pure
 * TypeScript, typed, widely deployed and maintained, and model CMS/X.509 structures exactly — including
 * the original encoding of the signed attributes, which is what the signature covers (RFC 5652 §5.4),
 * so nothing is re-encoded before verifying. node-forge was the alternative; its PKCS#7 module cannot
 * verify and its ASN.1 is untyped. The cryptography itself (hashes, RSA/RSA-PSS/ECDSA/Ed25519 verify)
 * is node:crypto (OpenSSL), not JavaScript.
 *
 * Scope: integrity only (the signed bytes are unchanged, and the signature over them verifies with the
 * certificate the signature carries). Trust in that certificate is not evaluated.
 */
import { createHash, createPublicKey, constants as cryptoConstants, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  commonName: '2.5.4.3',
  subjectKeyIdentifier: '2.5.29.14',
} as const;

interface Digest {
  node: string;
  label: string;
}
const DIGESTS: Record<string, Digest> = {
  '1.3.14.3.2.26': { node: 'sha1', label: 'SHA-1' },
  '2.16.840.1.101.3.4.2.4': { node: 'sha224', label: 'SHA-224' },
  '2.16.840.1.101.3.4.2.1': { node: 'sha256', label: 'SHA-256' },
  '2.16.840.1.101.3.4.2.2': { node: 'sha384', label: 'SHA-384' },
  '2.16.840.1.101.3.4.2.3': { node: 'sha512', label: 'SHA-512' },
};

type Scheme = 'rsa' | 'rsa-pss' | 'ecdsa' | 'ed25519';
/** Signature algorithm OID -> scheme and, when the OID fixes it, the hash. */
const SIGNATURE_ALGORITHMS: Record<string, { scheme: Scheme; hash?: string }> = {
  '1.2.840.113549.1.1.1': { scheme: 'rsa' },
  '1.2.840.113549.1.1.5': { scheme: 'rsa', hash: 'sha1' },
  '1.2.840.113549.1.1.14': { scheme: 'rsa', hash: 'sha224' },
  '1.2.840.113549.1.1.11': { scheme: 'rsa', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { scheme: 'rsa', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { scheme: 'rsa', hash: 'sha512' },
  '1.2.840.113549.1.1.10': { scheme: 'rsa-pss' },
  '1.2.840.10045.2.1': { scheme: 'ecdsa' },
  '1.2.840.10045.4.1': { scheme: 'ecdsa', hash: 'sha1' },
  '1.2.840.10045.4.3.1': { scheme: 'ecdsa', hash: 'sha224' },
  '1.2.840.10045.4.3.2': { scheme: 'ecdsa', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { scheme: 'ecdsa', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { scheme: 'ecdsa', hash: 'sha512' },
  '1.3.101.112': { scheme: 'ed25519' },
};
const KEY_TYPES: Record<Scheme, readonly string[]> = {
  rsa: ['rsa'],
  'rsa-pss': ['rsa', 'rsa-pss'],
  ecdsa: ['ec'],
  ed25519: ['ed25519'],
};

export interface CmsCheck {
  signerCommonName: string | null;
  signingTime: Date | null;
  digestAlgorithm: string | null;
  intact: boolean;
  reason: string | null;
}

/** How the signed PDF bytes relate to the CMS content (ISO 32000-2 §12.8.3, Table 260 SubFilter). */
export type CmsMode = 'detached' | 'pkcs7-sha1' | 'timestamp';

class NotIntact extends Error {}

const CHANGED =
  'The document was changed after it was signed: the signed content no longer matches the signature.';

function hashParts(algorithm: string, parts: readonly Uint8Array[]): Buffer {
  const hash = createHash(algorithm);
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function octets(value: asn1js.OctetString): Buffer {
  // Constructed (BER) OCTET STRINGs arrive in pieces; join them.
  if (value.idBlock.isConstructed) {
    return Buffer.concat(
      value.valueBlock.value.map((piece) =>
        Buffer.from((piece as asn1js.OctetString).valueBlock.valueHexView),
      ),
    );
  }
  return Buffer.from(value.valueBlock.valueHexView);
}

function attribute(info: pkijs.SignerInfo, type: string): unknown {
  return info.signedAttrs?.attributes.find((a) => a.type === type)?.values[0];
}

function commonName(certificate: pkijs.Certificate): string | null {
  const cn = certificate.subject.typesAndValues.find((tv) => tv.type === OID.commonName);
  const value = (cn?.value as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value;
  return typeof value === 'string' ? value : null;
}

function findSignerCertificate(
  signed: pkijs.SignedData,
  info: pkijs.SignerInfo,
): pkijs.Certificate | undefined {
  const certificates = (signed.certificates ?? []).filter((c) => c instanceof pkijs.Certificate);
  if (info.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = info.sid;
    return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  // [0] SubjectKeyIdentifier: match the certificate's SKI extension, else the RFC 5280 §4.2.1.2 method 1.
  const sid = info.sid as asn1js.BaseBlock & { valueBlock: { valueHexView: Uint8Array } };
  const keyId = Buffer.from(sid.valueBlock.valueHexView);
  return certificates.find((c) => {
    const ski = c.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier)?.parsedValue;
    if (ski instanceof asn1js.OctetString && keyId.equals(octets(ski))) return true;
    const spk = c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
    return keyId.equals(createHash('sha1').update(spk).digest());
  });
}

function algorithmHash(info: pkijs.SignerInfo): string | undefined {
  return SIGNATURE_ALGORITHMS[info.signatureAlgorithm.algorithmId]?.hash;
}

function verifySignatureValue(
  info: pkijs.SignerInfo,
  certificate: pkijs.Certificate,
  digest: Digest,
  data: Uint8Array,
): void {
  const algorithm = SIGNATURE_ALGORITHMS[info.signatureAlgorithm.algorithmId];
  if (!algorithm) {
    throw new NotIntact(
      `The signature uses an unsupported algorithm (${info.signatureAlgorithm.algorithmId}).`,
    );
  }
  const key = createPublicKey({
    key: Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER(false)),
    format: 'der',
    type: 'spki',
  });
  if (!KEY_TYPES[algorithm.scheme].includes(key.asymmetricKeyType ?? '')) {
    throw new NotIntact("The signature algorithm does not match the signer's key.");
  }
  const signature = Buffer.from(info.signature.valueBlock.valueHexView);
  const hash = algorithm.hash ?? digest.node;
  let ok: boolean;
  try {
    if (algorithm.scheme === 'ed25519') ok = verify(null, data, key, signature);
    else if (algorithm.scheme === 'rsa-pss') {
      // RFC 4055 §3.1 defaults: SHA-1, salt length 20.
      const params = info.signatureAlgorithm.algorithmParams
        ? new pkijs.RSASSAPSSParams({ schema: info.signatureAlgorithm.algorithmParams })
        : new pkijs.RSASSAPSSParams();
      const pssHash = DIGESTS[params.hashAlgorithm.algorithmId]?.node;
      if (!pssHash) throw new NotIntact('The signature uses an unsupported RSA-PSS hash.');
      ok = verify(
        pssHash,
        data,
        { key, padding: cryptoConstants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength },
        signature,
      );
    } else ok = verify(hash, data, key, signature);
  } catch (error) {
    if (error instanceof NotIntact) throw error;
    ok = false;
  }
  if (!ok) {
    throw new NotIntact(
      "The signature value does not verify with the signer's certificate: the signature or its signed attributes were altered.",
    );
  }
}

/**
 * Checks one CMS signature over `signedParts` (the PDF bytes its /ByteRange names, in order).
 * Never throws: every failure becomes `intact: false` with a reason a person can read.
 */
export function checkCmsSignature(
  cms: Uint8Array,
  signedParts: readonly Uint8Array[],
  mode: CmsMode,
): CmsCheck {
  const result: CmsCheck = {
    signerCommonName: null,
    signingTime: null,
    digestAlgorithm: null,
    intact: false,
    reason: null,
  };
  try {
    let signed: pkijs.SignedData;
    try {
      const parsed = asn1js.fromBER(cms);
      if (parsed.offset === -1) throw new Error(parsed.result.error);
      const info = new pkijs.ContentInfo({ schema: parsed.result });
      if (info.contentType !== OID.signedData) throw new Error('not SignedData');
      signed = new pkijs.SignedData({ schema: info.content });
    } catch {
      throw new NotIntact('The signature data is damaged and cannot be read.');
    }
    const signer = signed.signerInfos[0];
    if (!signer) throw new NotIntact('The signature names no signer.');
    const certificate = findSignerCertificate(signed, signer);
    if (certificate) result.signerCommonName = commonName(certificate);
    const time = attribute(signer, OID.signingTime);
    if (time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime) {
      result.signingTime = time.toDate();
    }
    const digest = DIGESTS[signer.digestAlgorithm.algorithmId];
    if (!digest) {
      throw new NotIntact(
        `The signature uses an unsupported digest algorithm (${signer.digestAlgorithm.algorithmId}).`,
      );
    }
    result.digestAlgorithm = digest.label;
    if (!certificate) {
      throw new NotIntact(
        "The signer's certificate is not included in the signature, so it cannot be checked.",
      );
    }

    // What the signer's digest covers: the PDF bytes themselves (detached), or an encapsulated content
    // that in turn commits to them (adbe.pkcs7.sha1: their SHA-1; RFC 3161 token: a message imprint).
    const encapsulated = signed.encapContentInfo.eContent;
    const eContentType = signed.encapContentInfo.eContentType;
    let content: readonly Uint8Array[] = signedParts;
    // Every hash in the chain from the PDF bytes to the signature must resist collisions.
    let usesSha1 = digest.node === 'sha1' || algorithmHash(signer) === 'sha1';
    if (mode === 'detached') {
      if (encapsulated) throw new NotIntact('A detached signature unexpectedly carries its own content.');
    } else if (!encapsulated) {
      throw new NotIntact('The signature does not carry the content it should.');
    } else if (mode === 'pkcs7-sha1') {
      const inner = octets(encapsulated);
      if (!inner.equals(hashParts('sha1', signedParts))) throw new NotIntact(CHANGED);
      usesSha1 = true;
      content = [inner];
    } else {
      if (eContentType !== OID.tstInfo)
        throw new NotIntact('The timestamp token has an unexpected content type.');
      const inner = octets(encapsulated);
      const tst = new pkijs.TSTInfo({ schema: asn1js.fromBER(inner).result });
      const imprint = DIGESTS[tst.messageImprint.hashAlgorithm.algorithmId];
      if (!imprint) throw new NotIntact('The timestamp uses an unsupported digest algorithm.');
      const expected = Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
      if (!expected.equals(hashParts(imprint.node, signedParts))) throw new NotIntact(CHANGED);
      if (imprint.node === 'sha1') usesSha1 = true;
      result.signingTime ??= tst.genTime;
      content = [inner];
    }

    let signedData: Uint8Array;
    if (signer.signedAttrs) {
      // RFC 5652 §5.3: with signed attributes, content-type and message-digest are mandatory.
      const declaredType = attribute(signer, OID.contentType);
      if (!(declaredType instanceof asn1js.ObjectIdentifier) || declaredType.getValue() !== eContentType) {
        throw new NotIntact("The signature's content-type attribute does not match its content.");
      }
      const messageDigest = attribute(signer, OID.messageDigest);
      if (!(messageDigest instanceof asn1js.OctetString)) {
        throw new NotIntact('The signature has no message-digest attribute.');
      }
      if (!octets(messageDigest).equals(hashParts(digest.node, content))) throw new NotIntact(CHANGED);
      // The signature covers the DER of the attributes as a SET (tag 0x31), taken from the original bytes.
      signedData = new Uint8Array(signer.signedAttrs.encodedValue);
    } else {
      signedData = Buffer.concat(content);
    }
    verifySignatureValue(signer, certificate, digest, signedData);

    if (usesSha1) {
      // SHA-1 collisions are practical (SHAttered was two colliding PDFs); ETSI TS 119 312 withdrew it.
      throw new NotIntact(
        'The signature matches, but it uses SHA-1, which is broken; its integrity cannot be relied on.',
      );
    }
    result.intact = true;
  } catch (error) {
    if (!(error instanceof NotIntact)) {
      result.reason = 'The signature data is damaged and cannot be read.';
      return result;
    }
    result.reason = error.message;
  }
  return result;
}
