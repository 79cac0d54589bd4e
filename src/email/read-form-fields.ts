import busboy from 'busboy';

/** Form fields (multipart or urlencoded) as bytes. Fields named in `fileFields` may also come as file parts. */
export type FormFields = Record<string, Buffer>;

export class FormTooLargeError extends Error {
  constructor(readonly field: string) {
    super(`form field ${field} is over the size limit`);
  }
}

/**
 * Parses a buffered form body. Values are UTF-8 (what providers send); a field over `maxFieldBytes`
 * raises FormTooLargeError rather than being cut, since a cut mail would be a different mail.
 * Attachment file parts other than `fileFields` are skipped: they are inside the raw MIME too.
 */
export function readFormFields(
  body: Buffer,
  contentType: string,
  options: { maxFieldBytes: number; fileFields: readonly string[] },
): Promise<FormFields> {
  return new Promise((resolve, reject) => {
    const fields: FormFields = {};
    let failure: Error | null = null;
    const parser = busboy({
      headers: { 'content-type': contentType },
      limits: {
        fieldSize: options.maxFieldBytes + 1,
        fileSize: options.maxFieldBytes + 1,
        fields: 500,
        parts: 1000,
      },
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) failure ??= new FormTooLargeError(name);
      else fields[name] = Buffer.from(value, 'utf8');
    });
    parser.on('file', (name, stream) => {
      if (!options.fileFields.includes(name)) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.truncated) failure ??= new FormTooLargeError(name);
        else fields[name] = Buffer.concat(chunks);
      });
    });
    parser.on('error', (error: Error) => reject(error));
    parser.on('close', () => (failure ? reject(failure) : resolve(fields)));
    parser.end(body);
  });
}
