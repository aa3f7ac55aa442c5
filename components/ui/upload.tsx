'use client';

/**
 * A file upload to a route handler with its progress (issue 13 §3, issue 14 §4): XMLHttpRequest,
 * because fetch cannot report the progress of a request body. The answer is the route's JSON
 * (`errorResponse` or the route's own `{ ok, … }`), or a refusal in Dutch when the connection broke
 * or the body was not JSON.
 */
export type UploadAnswer<T> = { status: number; body: Partial<T> & UploadRefusal };
export interface UploadRefusal {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
}

export function postWithProgress<T>(
  url: string,
  data: FormData,
  onProgress: (percent: number) => void,
): Promise<UploadAnswer<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) onProgress(Math.round((ev.loaded / ev.total) * 100));
    };
    const refused = (message: string) => ({ message }) as UploadAnswer<T>['body'];
    xhr.onerror = () => resolve({ status: 0, body: refused('De verbinding viel weg. Probeer opnieuw.') });
    xhr.onload = () => {
      let body: UploadAnswer<T>['body'];
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = refused(xhr.responseText || 'Er ging iets mis. Probeer opnieuw.');
      }
      resolve({ status: xhr.status, body });
    };
    onProgress(0);
    xhr.send(data);
  });
}

/** The progress bar and percentage while an upload runs (inside the form's live region). */
export function UploadProgress({ percent, after }: { percent: number; after?: string }) {
  return (
    <>
      <progress max={100} value={percent} aria-label="Voortgang van het opladen" className="w-full" />
      <span>
        Opladen: {percent}%{after ? ` ${after}` : ''}
      </span>
    </>
  );
}
