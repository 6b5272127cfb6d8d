// Pieces every page uses: loading data with its error and a retry, an
// error in the user's language, a CSV download of a table.
import { html, useCallback, useEffect, useRef, useState } from './vendor/preact-htm.js';
import { ApiError, messageIn } from './api.js';
import { currentLang, t } from './i18n.js';

// Runs `load` (an async function) when `deps` change: {data, error,
// reload}. A reload keeps showing the data it replaces until it arrives.
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: undefined, error: null });
  const [round, setRound] = useState(0);
  const lastDeps = useRef(null);
  useEffect(() => {
    let live = true;
    const key = JSON.stringify(deps);
    if (lastDeps.current !== key) setState({ data: undefined, error: null });
    lastDeps.current = key;
    load().then(
      (data) => live && setState({ data, error: null }),
      (error) => live && setState({ data: undefined, error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

// An error from the API or the network, in the user's language.
export function ErrorNote({ error, onRetry }) {
  if (!error) return null;
  const text =
    error instanceof ApiError ? messageIn(error.message, currentLang()) : String(error.message || error);
  return html`<p class="error" role="alert">
    ${text} ${onRetry && html`<button type="button" onClick=${onRetry}>${t('retry')}</button>`}
  </p>`;
}

// Loading, error or the content made by `children(data)`.
export function Loaded({ state, children }) {
  if (state.error) return html`<${ErrorNote} error=${state.error} onRetry=${state.reload} />`;
  if (state.data === undefined) return html`<p class="loading">${t('loading')}</p>`;
  return children(state.data);
}

// Downloads rows (arrays of cells) as a UTF-8 CSV file Excel opens with
// its diacritics intact (byte order mark first).
export function downloadCsv(filename, rows) {
  const cell = (v) => {
    const s = String(v ?? '');
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = '\ufeff' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  saveBlob(filename, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}

// Hands `blob` to the browser as a download named `filename`.
export function saveBlob(filename, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The last segment of a resource name ("schools/mn-2010" → "mn-2010").
export function idOf(name) {
  return (name || '').split('/').pop();
}
