'use client';

import { useState } from 'react';

/** A rough hint only: length and variety; the archive's safety rests on the passphrase. */
export function strengthHint(passphrase: string): string {
  if (passphrase.length === 0) return 'Kies een wachtzin van minstens 12 tekens, bv. vier losse woorden.';
  if (passphrase.length < 12) return 'Te kort: minstens 12 tekens.';
  const words = passphrase.trim().split(/\s+/).length;
  if (passphrase.length >= 20 && words >= 4) return 'Sterk.';
  return 'Aanvaardbaar. Langer (vier of meer woorden) is sterker.';
}

/**
 * Export of the dossier (issue 14 §4; ADR 0047): purpose, passphrase twice, then the encrypted
 * file as a download. Refusals at their field, in Dutch.
 */
export function ExportForm({ dossierId }: { dossierId: string }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    setDone(null);
    setErrors({});
    try {
      const res = await fetch(`/api/v1/dossiers/${dossierId}/export`, {
        method: 'POST',
        body: new FormData(e.currentTarget),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as {
          message?: string;
          fieldErrors?: Record<string, string>;
        } | null;
        setMessage(body?.message ?? 'De export is niet gelukt.');
        setErrors(body?.fieldErrors ?? {});
        return;
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'dossier.vhdx';
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      URL.revokeObjectURL(url);
      setDone(`Het versleutelde bestand ${name} werd gedownload. Bezorg de wachtzin via een ander kanaal.`);
    } finally {
      setBusy(false);
    }
  }

  const field = 'mt-1 block w-full max-w-md rounded border border-gray-400 px-2 py-1';
  return (
    <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
      {message && (
        <p role="alert" className="text-red-800">
          {message}
        </p>
      )}
      <fieldset>
        <legend className="font-medium">Waarvoor exporteer je?</legend>
        <label className="mt-1 block">
          <input type="radio" name="purpose" value="transfer" defaultChecked /> Overdracht buiten deze installatie (art.
          15 § 1, 7°)
        </label>
        <label className="block">
          <input type="radio" name="purpose" value="accessRequest" /> Inzageverzoek van een betrokkene (AVG art. 15)
        </label>
        {errors.purpose && <p className="text-sm text-red-800">{errors.purpose}</p>}
      </fieldset>
      <div>
        <label htmlFor="export-passphrase" className="block">
          Wachtzin
        </label>
        <input
          id="export-passphrase"
          type="password"
          name="passphrase"
          autoComplete="new-password"
          className={field}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          aria-describedby="passphrase-hint"
        />
        <span id="passphrase-hint" className="text-sm text-gray-700">
          {strengthHint(passphrase)}
        </span>
        {errors.passphrase && <span className="block text-sm text-red-800">{errors.passphrase}</span>}
      </div>
      <div>
        <label htmlFor="export-passphrase-repeat" className="block">
          Wachtzin herhalen
        </label>
        <input
          id="export-passphrase-repeat"
          type="password"
          name="passphraseRepeat"
          autoComplete="new-password"
          className={field}
        />
        {errors.passphraseRepeat && <span className="block text-sm text-red-800">{errors.passphraseRepeat}</span>}
      </div>
      <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-60">
        {busy ? 'Bezig met versleutelen…' : 'Exporteren'}
      </button>
      {done && (
        <p role="status" className="text-green-800">
          {done}
        </p>
      )}
    </form>
  );
}
