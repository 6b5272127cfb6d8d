// The "Thông báo" panel of the principal's and the officer's home page:
// the caller's digest of a day (GET /v1/notificationDigest; today unless
// another day is picked): how many notifications of each kind, then the
// list. Officers also run the sweep of their authority's schools on demand
// (POST /v1/{authority}/notifications:sweep) and see what it did.
import { html, useState } from './vendor/preact-htm.js';
import { api, messageIn, query } from './api.js';
import { currentLang, formatDate, t } from './i18n.js';
import { ErrorNote, idOf, Loaded, useLoad } from './ui.js';

// Today in Ho Chi Minh City as "YYYY-MM-DD" (the date input's format).
function todayInVietnam() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

// "2026-12-03" → the API's Date message {year, month, day}.
function toDate(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

// The same as query parameters "date.year", "date.month", "date.day".
function dateParams(prefix, iso) {
  return Object.fromEntries(Object.entries(toDate(iso)).map(([k, v]) => [`${prefix}.${k}`, v]));
}

const KIND_BADGE = {
  NOTIFICATION_KIND_DIRECTIVE_ARRIVED: 'pending',
  NOTIFICATION_KIND_TASK_DUE_SOON: 'atRisk',
  NOTIFICATION_KIND_TASK_OVERDUE: 'late',
  NOTIFICATION_KIND_REPORT_DUE: 'atRisk',
  NOTIFICATION_KIND_CASE_DUE_SOON: 'atRisk',
};

function KindBadge({ kind }) {
  return html`<span class=${'badge ' + (KIND_BADGE[kind] || 'error')}>${t(kind)}</span>`;
}

function daysLeftText(n) {
  const days = n || 0;
  if (days === 0) return t('dueToday');
  return days > 0 ? String(days) : t('daysLate', -days);
}

// "schools/mn-2010/notifications/…" → "mn-2010".
function schoolOf(notification) {
  return notification.schoolDisplayName || idOf((notification.name || '').split('/notifications/')[0]);
}

function Digest({ digest, officer, today }) {
  const notifications = digest.notifications || [];
  if (notifications.length === 0) {
    return html`<p class="empty">${today ? t('noNotificationsToday') : t('noNotificationsOn', formatDate(digest.date))}</p>`;
  }
  return html`<ul class="notify-counts">
      ${(digest.counts || []).map(
        (c) => html`<li key=${c.kind}><${KindBadge} kind=${c.kind} /> <b>${c.count || 0}</b></li>`,
      )}
    </ul>
    <table class="notifications">
      <thead><tr><th>${t('notificationKind')}</th>${officer && html`<th>${t('school')}</th>`}<th>${t('notificationTitle')}</th>
        <th>${t('dueDate')}</th><th>${t('workingDaysLeft')}</th></tr></thead>
      <tbody>${notifications.map(
        (n) => html`<tr key=${n.name} class=${n.kind === 'NOTIFICATION_KIND_TASK_OVERDUE' ? 'state-late' : ''}>
          <td><${KindBadge} kind=${n.kind} /></td>
          ${officer && html`<td>${schoolOf(n)}</td>`}
          <td>${n.title}</td>
          <td>${formatDate(n.dueDate)}</td>
          <td class="num">${daysLeftText(n.workingDaysLeft)}</td>
        </tr>`,
      )}</tbody>
    </table>`;
}

function SweepResult({ sweep }) {
  const failures = sweep.failures || [];
  return html`<div class="sweep-result">
    <p class="ok" role="status">${t('sweepResult', sweep.schoolCount || 0, sweep.newNotificationCount || 0)}</p>
    ${failures.length > 0 &&
    html`<p class="error">${t('sweepFailures')}</p>
      <ul>${failures.map((f) => html`<li key=${f.school}>${idOf(f.school)}: ${messageIn(f.reason, currentLang())}</li>`)}</ul>`}
  </div>`;
}

export function NotificationsPanel({ account }) {
  const today = todayInVietnam();
  const [day, setDay] = useState(today);
  const [sweep, setSweep] = useState(null);
  const [sweepError, setSweepError] = useState(null);
  const [busy, setBusy] = useState(false);
  const officer = !account.school;
  const isToday = day === today;
  const state = useLoad(
    // Today is the server's today (Ho Chi Minh City), so no date is sent.
    () => api('GET', '/v1/notificationDigest' + query(isToday ? {} : dateParams('date', day))),
    [day],
  );
  const runSweep = async () => {
    setBusy(true);
    setSweep(null);
    setSweepError(null);
    try {
      const body = isToday ? {} : { date: toDate(day) };
      setSweep(await api('POST', `/v1/${account.authority}/notifications:sweep`, body));
      state.reload();
    } catch (e) {
      setSweepError(e);
    } finally {
      setBusy(false);
    }
  };
  return html`<section class="card notifications-panel" aria-labelledby="notifications-title">
    <div class="title-row">
      <h2 id="notifications-title">${t('notifications')}</h2>
      <div class="toolbar">
        <label class="year">${t('notificationDay')}
          <input type="date" name="notificationDay" value=${day} max=${today}
            onChange=${(e) => {
              setDay(e.target.value || today);
              setSweep(null);
            }} /></label>
        ${officer &&
        html`<button type="button" class="sweep" disabled=${busy} onClick=${runSweep}>
          ${busy ? t('sweeping') : t('sweepNow')}</button>`}
      </div>
    </div>
    ${sweep && html`<${SweepResult} sweep=${sweep} />`}
    <${ErrorNote} error=${sweepError} />
    <${Loaded} state=${state}>${(digest) => html`<${Digest} digest=${digest} officer=${officer} today=${isToday} />`}<//>
  </section>`;
}
