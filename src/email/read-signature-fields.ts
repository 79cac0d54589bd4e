import busboy from 'busboy';

/** Longest value read for a signature field; anything longer is not a signature. */
const MAX_SIGNATURE_FIELD_BYTES = 1024;

/**
 * Reads only the named small text fields of a form (the provider's signature), skipping every
 * file part and every other field's value, so a request can be authenticated before its mail is
 * parsed or anything is stored. Rejects when the body is not a readable form.
 */
export function readSignatureFields(
  body: Buffer,
  contentType: string,
  names: readonly string[],
): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: { fieldSize: MAX_SIGNATURE_FIELD_BYTES, fields: 500, parts: 1000 },
      });
    } catch (error) {
      reject(error);
      return;
    }
    parser.on('field', (name, value, info) => {
      if (names.includes(name) && !info.valueTruncated) fields[name] = value;
    });
    parser.on('file', (_name, stream) => stream.resume());
    parser.on('error', (error: Error) => reject(error));
    parser.on('close', () => resolve(fields));
    parser.end(body);
  });
}
