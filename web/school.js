// A school's pages: its plans and their tasks (the officer's drill-down,
// and the home of the school's own accounts with the notifications panel),
// and one task with its progress history, its evidence and, for the
// school's own accounts, progress entry.
import { html, useState } from './vendor/preact-htm.js';
import { api, newRequestId, query, v1 } from './api.js';
import { ProgressBar } from './charts.js';
import { currentLang, formatDate, formatTime, t } from './i18n.js';
import { NotificationsPanel } from './notifications.js';
import { ErrorNote, idOf, Loaded, saveBlob, useLoad } from './ui.js';

// PAR field code → {vi, en} title, from the PAR frameworks (read once).
let parFieldTitles;
function loadParFieldTitles() {
  parFieldTitles ??= api('GET', '/v1/parFrameworks?pageSize=100').then(
    (data) => {
      const titles = {};
      for (const framework of data.parFrameworks || []) {
        for (const field of framework.fields || []) titles[field.code] ??= { vi: field.title, en: field.titleEn };
      }
      return titles;
    },
    () => ({}), // without names the codes still show
  );
  return parFieldTitles;
}
function ParField({ code, titles }) {
  const title = titles?.[code];
  if (!title) return code;
  return (currentLang() === 'en' && title.en) || title.vi;
}

// Account name → display name (read once each; the id when not readable).
const accountNames = new Map();
function accountName(name) {
  if (!accountNames.has(name)) {
    accountNames.set(name, api('GET', v1(name)).then((a) => a.displayName || idOf(name), () => idOf(name)));
  }
  return accountNames.get(name);
}

// A File's bytes as base64 (proto3 JSON's form of bytes).
async function base64Of(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// Downloads a school's evidence file (checked against its hash by the
// service) and hands it to the browser under its uploaded name.
async function downloadEvidence(school, sha256) {
  const answer = await api('GET', v1(`${school}/evidenceFiles/${sha256}`) + ':download');
  const binary = atob(answer.content);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  saveBlob(answer.file.filename || sha256, new Blob([bytes], { type: answer.file.mediaType }));
}

function StatusBadge({ task }) {
  const cls = task.overdue ? 'late' : task.status === 'TASK_STATUS_DONE' ? 'onTrack' : 'pending';
  return html`<span class=${'badge ' + cls}>${t(task.status)}</span>${task.overdue &&
    html` <span class="badge late">${t('overdue')}</span>`}`;
}

function TaskTable({ plan }) {
  const state = useLoad(
    async () => {
      const [tasks, titles] = await Promise.all([
        api('GET', v1(plan.name) + '/tasks' + query({ pageSize: 200 })),
        loadParFieldTitles(),
      ]);
      return { tasks: tasks.tasks || [], titles };
    },
    [plan.name],
  );
  return html`<${Loaded} state=${state}>${({ tasks, titles }) => html`<table class="tasks">
    <thead><tr><th>${t('code')}</th><th>${t('task')}</th><th>${t('parField')}</th><th>${t('dueDate')}</th>
      <th>${t('status')}</th><th>${t('progress')}</th></tr></thead>
    <tbody>${tasks.map(
      (task) => html`<tr key=${task.name} class=${task.overdue ? 'state-late' : ''}>
        <td>${task.code}</td>
        <td><a href=${'#/task/' + task.name}>${task.title}</a></td>
        <td><${ParField} code=${task.parField} titles=${titles} /></td>
        <td>${formatDate(task.dueDate)}</td>
        <td><${StatusBadge} task=${task} /></td>
        <td><${ProgressBar} value=${task.percentDone} label=${task.percentDone + ' %'} /></td>
      </tr>`,
    )}</tbody></table>`}<//>`;
}

export function SchoolPage({ account, schoolId, planId }) {
  const state = useLoad(
    () =>
      Promise.all([
        api('GET', v1('schools/' + schoolId)),
        api('GET', v1('schools/' + schoolId) + '/plans' + query({ pageSize: 100 })),
      ]),
    [schoolId],
  );
  return html`<${Loaded} state=${state}>${([school, data]) => {
    const plans = (data.plans || []).slice().sort((a, b) => b.year - a.year || b.taskCount - a.taskCount);
    const plan = plans.find((p) => idOf(p.name) === planId) || plans[0];
    return html`${!account.school && html`<a href="#/overview">${t('backToOverview')}</a>`}
      <h1>${school.displayName}</h1>
      ${account.school === 'schools/' + schoolId && html`<${NotificationsPanel} account=${account} />`}
      ${plans.length === 0
        ? html`<p>${t('noPlans')}</p>`
        : html`<nav class="plans">${plans.map(
            (p) => html`<a href=${`#/schools/${schoolId}/plans/${idOf(p.name)}`}
                class=${p === plan ? 'current' : ''}>${p.year} · ${p.number || p.title}</a>`,
          )}</nav>
          <section class="card">
            <h2>${plan.title}</h2>
            ${plan.number && html`<p class="help">${t('planNumber')} ${plan.number} · ${formatDate(plan.issueDate)}</p>`}
            <${TaskTable} plan=${plan} />
          </section>`}`;
  }}<//>`;
}

function History({ updates, school }) {
  const names = useLoad(
    async () => {
      const authors = [...new Set(updates.map((u) => u.author))];
      const resolved = await Promise.all(authors.map(accountName));
      return Object.fromEntries(authors.map((a, i) => [a, resolved[i]]));
    },
    [updates.map((u) => u.name).join()],
  );
  if (updates.length === 0) return html`<p>${t('noHistory')}</p>`;
  return html`<table class="history">
    <thead><tr><th>${t('doneOn')}</th><th>${t('recordedAt')}</th><th>${t('progress')}</th><th>${t('reporter')}</th><th>${t('note')}</th>
      <th>${t('evidence')}</th></tr></thead>
    <tbody>${updates.map(
      (u) => html`<tr key=${u.name} class=${u.supersededBy ? 'superseded' : ''}>
        <td>${formatDate(u.doneOn)}${u.supersededBy && html`<br /><small>${t('superseded')}</small>`}</td>
        <td>${formatTime(u.createTime)}</td>
        <td class="num">${u.percentDone} %</td>
        <td>${names.data?.[u.author] ?? idOf(u.author)}</td>
        <td>${u.note}</td>
        <td>${(u.evidence || []).map(
          (e) => html`<div class="evidence">
            ${e.uri ? html`<a href=${e.uri} rel="noopener noreferrer" target="_blank">${e.documentNumber || e.title || e.uri}</a>`
                    : e.documentNumber}
            ${e.title && e.uri && e.documentNumber && html` — ${e.title}`}
            ${e.sha256 && !e.uri && html` <button type="button" class="small" onClick=${() => downloadEvidence(school, e.sha256).catch((err) => alert(err.message))}>${t('downloadFile')}</button>`}
            ${e.sha256 && html`<br /><small class="hash" title="SHA-256">${e.sha256}</small>`}
          </div>`,
        )}</td>
      </tr>`,
    )}</tbody></table>`;
}

function ProgressForm({ task, onSaved }) {
  const [form, setForm] = useState({ percent: String(task.percentDone), note: '', doneOn: '', number: '', title: '', uri: '', sha: '' });
  const [file, setFile] = useState(null);
  const [requestId, setRequestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState(false);
  const field = (key) => ({ value: form[key], onInput: (e) => setForm({ ...form, [key]: e.target.value }) });
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      let sha = form.sha.trim().toLowerCase();
      if (file) {
        // The file goes to the school's evidence store first; the update cites its SHA-256.
        const school = task.name.split('/').slice(0, 2).join('/');
        const stored = await api('POST', v1(school) + '/evidenceFiles', {
          filename: file.name, content: await base64Of(file), requestId: newRequestId(),
        });
        sha = stored.sha256;
      }
      const evidence = form.number || form.title || form.uri || sha
        ? [{ documentNumber: form.number, title: form.title || (file ? file.name : ''), uri: form.uri, sha256: sha }]
        : [];
      const update = { percentDone: Number(form.percent), note: form.note, evidence };
      if (form.doneOn) {
        const [year, month, day] = form.doneOn.split('-').map(Number);
        update.doneOn = { year, month, day };
      }
      await api('POST', v1(task.name) + '/progressUpdates' + query({ requestId }), update);
      setSaved(true);
      setRequestId(newRequestId()); // the next entry is a new action
      setForm({ ...form, note: '', doneOn: '', number: '', title: '', uri: '', sha: '' });
      setFile(null);
      event.target.reset?.();
      onSaved();
    } catch (e) {
      setError(e); // same requestId: pressing Save again cannot record it twice
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="card progress-form" onSubmit=${submit}>
    <h2>${t('recordProgress')}</h2>
    <label>${t('percentDone')}<input name="percentDone" type="number" min="0" max="100" required ...${field('percent')} /></label>
    <label>${t('doneOn')}<input name="doneOn" type="date" ...${field('doneOn')} /></label>
    <p class="help">${t('doneOnHelp')}</p>
    <label>${t('note')}<textarea name="note" rows="2" ...${field('note')}></textarea></label>
    <fieldset><legend>${t('evidence')}</legend>
      <label>${t('evidenceNumber')}<input name="documentNumber" ...${field('number')} /></label>
      <label>${t('evidenceTitle')}<input name="title" ...${field('title')} /></label>
      <label>${t('evidenceFile')}<input name="evidenceFile" type="file" accept="application/pdf,image/png,image/jpeg,image/webp"
        onChange=${(e) => setFile(e.target.files[0] || null)} /></label>
      <p class="help">${t('evidenceFileHelp')}</p>
      <label>${t('evidenceUri')}<input name="uri" type="url" ...${field('uri')} /></label>
      <label>${t('evidenceSha')}<input name="sha256" pattern="[0-9a-fA-F]{64}" ...${field('sha')} /></label>
    </fieldset>
    <${ErrorNote} error=${error} />
    ${saved && html`<p class="ok" role="status">${t('saved')}</p>`}
    <button type="submit" disabled=${busy}>${busy ? t('saving') : t('save')}</button>
  </form>`;
}

export function TaskPage({ account, taskName }) {
  const state = useLoad(
    () =>
      Promise.all([
        api('GET', v1(taskName)),
        api('GET', v1(taskName) + '/progressUpdates' + query({ pageSize: 200 })),
        loadParFieldTitles(),
      ]),
    [taskName],
  );
  const schoolId = taskName.split('/')[1];
  const planId = taskName.split('/')[3];
  const canWrite = account.school === 'schools/' + schoolId;
  return html`<a href=${`#/schools/${schoolId}/plans/${planId}`}>← ${t('plan')}</a>
    <${Loaded} state=${state}>${([task, history, titles]) => html`
      <h1>${task.code} ${task.title}</h1>
      <section class="card task-facts">
        <p>${t('parField')}: <${ParField} code=${task.parField} titles=${titles} /> · ${t('dueDate')}:
          ${formatDate(task.dueDate)} · <${StatusBadge} task=${task} /></p>
        <p class="task-progress"><${ProgressBar} value=${task.percentDone} label=${task.percentDone + ' %'} /></p>
        ${task.description && html`<p>${task.description}</p>`}
      </section>
      ${canWrite && html`<${ProgressForm} task=${task} onSaved=${state.reload} />`}
      <section class="card"><h2>${t('history')}</h2>
        <${History} updates=${history.progressUpdates || []} school=${'schools/' + schoolId} /></section>`}<//>`;
}
