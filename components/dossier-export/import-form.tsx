'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { FieldError } from '@/components/ui/form';
import { postWithProgress, UploadProgress } from '@/components/ui/upload';

type Status =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'done'; dossierId: string; reference: string; sourceReference: string }
  | { kind: 'error'; text: string };

/**
 * Upload of an exported dossier archive with its passphrase (issue 14 §4; ADR 0047) to
 * `POST /api/v1/dossiers/import`, with its progress shown (components/ui/upload.tsx);
 * a refusal at its field, a success with a link to the new dossier.
 */
export function ImportForm() {
  const id = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ids = { file: `${id}-file`, fileError: `${id}-file-error`, pass: `${id}-pass`, passError: `${id}-pass-error` };

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = data.get('file');
    const local: Record<string, string> = {};
    if (!(file instanceof File) || file.size === 0) local.file = 'Kies een exportbestand.';
    if (!data.get('passphrase')) local.passphrase = 'Geef de wachtzin van het exportbestand.';
    setErrors(local);
    if (Object.keys(local).length) {
      setStatus({ kind: 'error', text: 'Het dossier is niet ingelezen. Controleer de gemarkeerde velden.' });
      document.getElementById(local.file ? ids.file : ids.pass)?.focus();
      return;
    }
    void postWithProgress<{ dossierId: string; reference: string; sourceReference: string }>(
      '/api/v1/dossiers/import',
      data,
      (percent) => setStatus({ kind: 'uploading', percent }),
    ).then(({ status: code, body }) => {
      if (code === 201 && body.ok && body.dossierId) {
        setErrors({});
        setStatus({
          kind: 'done',
          dossierId: body.dossierId,
          reference: body.reference ?? '',
          sourceReference: body.sourceReference ?? '',
        });
        return;
      }
      const fieldErrors = body.fieldErrors ?? {};
      setErrors(fieldErrors);
      setStatus({ kind: 'error', text: body.message ?? 'Het dossier is niet ingelezen.' });
      document.getElementById(fieldErrors.file ? ids.file : ids.pass)?.focus();
    });
  }

  const busy = status.kind === 'uploading';
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 max-w-2xl space-y-4 rounded border border-gray-300 p-4">
      <div>
        <label htmlFor={ids.file} className="block font-medium">
          Exportbestand (.vhdx) <span className="text-gray-700">(verplicht)</span>
        </label>
        <input
          id={ids.file}
          name="file"
          type="file"
          accept=".vhdx"
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={errors.file ? ids.fileError : undefined}
          className="mt-1 block w-full"
        />
        <FieldError name="file" id={ids.fileError} error={errors.file} />
      </div>
      <div>
        <label htmlFor={ids.pass} className="block font-medium">
          Wachtzin <span className="text-gray-700">(verplicht)</span>
        </label>
        <input
          id={ids.pass}
          name="passphrase"
          type="password"
          autoComplete="off"
          aria-invalid={errors.passphrase ? true : undefined}
          aria-describedby={errors.passphrase ? ids.passError : undefined}
          className="mt-1 w-full rounded border border-gray-500 px-3 py-2"
        />
        <FieldError name="passphrase" id={ids.passError} error={errors.passphrase} />
      </div>
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-blue-800 px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        {busy ? 'Bezig met inlezen…' : 'Dossier inlezen'}
      </button>
      <div aria-live="polite" aria-atomic="true" className="text-sm" data-testid="import-status">
        {status.kind === 'uploading' && (
          <UploadProgress percent={status.percent} after="(daarna wordt het bestand ontsleuteld en gecontroleerd)" />
        )}
        {status.kind === 'error' && <p className="font-medium text-red-800">{status.text}</p>}
        {status.kind === 'done' && (
          <p>
            Ingelezen uit {status.sourceReference} als{' '}
            <Link href={`/dossiers/${status.dossierId}`} className="text-brand-700 underline">
              dossier {status.reference}
            </Link>
            .
          </p>
        )}
      </div>
    </form>
  );
}
