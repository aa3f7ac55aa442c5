'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { FieldError } from '@/components/ui/form';
import { postWithProgress, UploadProgress } from '@/components/ui/upload';
import { ACCEPT, formatSize, TYPE_REFUSED, tooLarge } from '@/lib/attachments/limits';

type Option = { value: string; label: string };
type Status =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

/** Extensions the picker offers; the server decides by content (a renamed file is refused there). */
const KNOWN = /\.(pdf|png|jpe?g|docx|xlsx|pptx|odt|ods|odp)$/i;

/**
 * Upload of one document (issue 13 §3; ADR 0040) to the route handler
 * `POST /api/v1/dossiers/<id>/bijlagen`, with the progress of a large file shown
 * (components/ui/upload.tsx). A refusal is shown at its field (the type, the size, the
 * category), linked with aria-describedby; the limits are in the file field's description.
 */
export function AttachmentUploadForm({
  dossierId,
  place,
  categories,
  members,
  maxBytes,
  title = 'Bijlage toevoegen',
}: {
  dossierId: string;
  place: 'dossier' | 'input' | 'session';
  categories: Option[];
  members: Option[];
  maxBytes: number;
  title?: string;
}) {
  const router = useRouter();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ids = {
    file: `${id}-file`,
    fileHint: `${id}-file-hint`,
    fileError: `${id}-file-error`,
    category: `${id}-category`,
    categoryError: `${id}-category-error`,
    member: `${id}-member`,
    memberError: `${id}-member-error`,
  };

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    data.set('place', place);
    const file = data.get('file');
    const local: Record<string, string> = {};
    if (!(file instanceof File) || file.size === 0) local.file = 'Kies een bestand.';
    else if (file.size > maxBytes) local.file = tooLarge(maxBytes);
    else if (!KNOWN.test(file.name)) local.file = TYPE_REFUSED;
    if (!data.get('category')) local.category = 'Kies de categorie van gegevens (art. 15, § 1).';
    setErrors(local);
    if (Object.keys(local).length) {
      setStatus({ kind: 'error', text: 'De bijlage is niet toegevoegd. Controleer de gemarkeerde velden.' });
      document.getElementById(local.file ? ids.file : ids.category)?.focus();
      return;
    }
    void postWithProgress<{ fileName: string }>(`/api/v1/dossiers/${dossierId}/bijlagen`, data, (percent) =>
      setStatus({ kind: 'uploading', percent }),
    ).then(({ status: code, body }) => {
      if (code === 201 && body.ok) {
        setErrors({});
        setStatus({ kind: 'done', text: `Bijlage toegevoegd: ${body.fileName ?? ''}` });
        form.current?.reset();
        router.refresh();
        return;
      }
      const fieldErrors = body.fieldErrors ?? {};
      setErrors(fieldErrors);
      setStatus({ kind: 'error', text: body.message ?? 'De bijlage is niet toegevoegd.' });
      if (fieldErrors.file) document.getElementById(ids.file)?.focus();
    });
  }

  const busy = status.kind === 'uploading';
  const describe = (...list: (string | false | undefined)[]) => list.filter(Boolean).join(' ') || undefined;
  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${id}-title`}
      className="mt-4 space-y-3 rounded border border-gray-300 p-4"
    >
      <h3 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h3>
      <div>
        <label htmlFor={ids.file} className="block font-medium">
          Bestand <span className="text-gray-700">(verplicht)</span>
        </label>
        <p id={ids.fileHint} className="mt-1 text-sm text-gray-700">
          PDF, afbeeldingen (PNG, JPEG) of kantoorbestanden (Word, Excel, PowerPoint, OpenDocument); hoogstens{' '}
          {formatSize(maxBytes)}. Het bestand wordt versleuteld bewaard.
        </p>
        <input
          id={ids.file}
          name="file"
          type="file"
          accept={ACCEPT}
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={describe(ids.fileHint, errors.file && ids.fileError)}
          className="mt-1 block w-full"
        />
        <FieldError name="file" id={ids.fileError} error={errors.file} />
      </div>
      <div>
        <label htmlFor={ids.category} className="block font-medium">
          Categorie van gegevens (art. 15, § 1) <span className="text-gray-700">(verplicht)</span>
        </label>
        <select
          id={ids.category}
          name="category"
          defaultValue=""
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={describe(errors.category && ids.categoryError)}
          className="mt-1 w-full rounded border border-gray-500 px-3 py-2"
        >
          <option value="">— kies —</option>
          {categories.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <FieldError name="category" id={ids.categoryError} error={errors.category} />
      </div>
      <div>
        <label htmlFor={ids.member} className="block font-medium">
          Over welk lid (als het over één lid gaat)
        </label>
        <select
          id={ids.member}
          name="concernsMemberId"
          defaultValue=""
          aria-invalid={errors.concernsMemberId ? true : undefined}
          aria-describedby={describe(errors.concernsMemberId && ids.memberError)}
          className="mt-1 w-full rounded border border-gray-500 px-3 py-2"
        >
          <option value="">Het hele cliëntsysteem / geen bepaald lid</option>
          {members.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
        <FieldError name="concernsMemberId" id={ids.memberError} error={errors.concernsMemberId} />
      </div>
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-blue-800 px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        {busy ? 'Bezig met opladen…' : 'Bijlage opladen'}
      </button>
      <div aria-live="polite" aria-atomic="true" className="text-sm" data-testid="upload-status">
        {status.kind === 'uploading' && <UploadProgress percent={status.percent} />}
        {status.kind === 'done' && <span className="font-medium text-green-800">{status.text}</span>}
        {status.kind === 'error' && <span className="font-medium text-red-800">{status.text}</span>}
      </div>
    </form>
  );
}
