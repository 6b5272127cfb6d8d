// The authority officer's pages: the overview of its schools (the
// notifications panel, headline figures with a chart each, late and
// behind-schedule schools first, drill-down to a school), the staffing,
// finance, complaints and SIPAS tiles, directives, and report statuses.
import { html, useState } from './vendor/preact-htm.js';
import { api, query } from './api.js';
import { bandCounts, Histogram, ProgressBar, StackedBar } from './charts.js';
import { formatDate, formatMoney, formatNumber, formatPercent, t } from './i18n.js';
import { NotificationsPanel } from './notifications.js';
import { downloadCsv, idOf, Loaded, useLoad } from './ui.js';

const PAGE_ROWS = 100;

// The share of `year` gone by today, percent (100 for a past year).
function yearElapsedPercent(year) {
  const now = new Date();
  if (year < now.getFullYear()) return 100;
  if (year > now.getFullYear()) return 0;
  const start = Date.UTC(year, 0, 1), end = Date.UTC(year + 1, 0, 1);
  return Math.round(((now.getTime() - start) / (end - start)) * 100);
}

// The as-of scope of a year: today for this year, 31 December for a past one.
function asOfParams(prefix, year) {
  if (year >= new Date().getFullYear()) return {};
  return { [`${prefix}.year`]: year, [`${prefix}.month`]: 12, [`${prefix}.day`]: 31 };
}

// A school row's state, for ordering and its badge.
function stateOf(row, elapsed) {
  if (row.error) return 'error';
  const s = row.tasks;
  if (s.overdue > 0) return 'late';
  const open = s.notStarted + s.inProgress;
  if (open > 0 && s.averagePercentDone < elapsed) return 'atRisk';
  return 'onTrack';
}
const STATE_ORDER = { late: 0, atRisk: 1, error: 2, onTrack: 3 };
const STATE_LABEL = { late: 'stateLate', atRisk: 'stateAtRisk', error: 'stateError', onTrack: 'stateOnTrack' };

function orderSchools(rows, elapsed) {
  return rows
    .map((row) => ({ row, state: stateOf(row, elapsed) }))
    .sort(
      (a, b) =>
        STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
        (b.row.tasks?.overdue || 0) - (a.row.tasks?.overdue || 0) ||
        (a.row.tasks?.averagePercentDone || 0) - (b.row.tasks?.averagePercentDone || 0),
    );
}

function doneShare(s) {
  return s.total > 0 ? (s.done / s.total) * 100 : 0;
}

function Headlines({ overview }) {
  const totals = overview.totals;
  const answered = overview.schools.filter((r) => !r.error).map((r) => r.tasks);
  const pctBands = [0, 25, 50, 75, 100];
  const pctLabels = ['<25 %', '25–49', '50–74', '75–99', '100 %'];
  return html`<section class="headlines">
    <article class="card figure">
      <h3>${t('tasksDone')}</h3>
      <p class="big">${formatPercent(doneShare(totals))}</p>
      <p class="sub">${t('ofTasks', totals.done, totals.total)}</p>
      <${Histogram} title=${t('schoolsByCompletion')}
        bands=${bandCounts(answered.map(doneShare), pctBands, pctLabels)} />
    </article>
    <article class="card figure">
      <h3>${t('averageProgress')}</h3>
      <p class="big">${formatPercent(totals.averagePercentDone)}</p>
      <p class="sub">${t('schoolsInScope', overview.schools.length)}</p>
      <${Histogram} title=${t('schoolsByProgress')}
        bands=${bandCounts(answered.map((s) => s.averagePercentDone), pctBands, pctLabels)} />
    </article>
    <article class="card figure">
      <h3>${t('overdueTasks')}</h3>
      <p class="big ${totals.overdue > 0 ? 'bad' : ''}">${formatNumber(totals.overdue)}</p>
      <p class="sub">${t('stateLate')}: ${answered.filter((s) => s.overdue > 0).length}</p>
      <${Histogram} title=${t('schoolsByOverdue')}
        bands=${bandCounts(answered.map((s) => s.overdue), [0, 1, 2, 5], ['0', '1', '2–4', '≥5']).map((b, i) => ({
          ...b,
          cls: i > 0 ? 'bar bad' : 'bar',
        }))} />
    </article>
    <article class="card figure">
      <h3>${t('onTimeLate')}</h3>
      <p class="big">${formatNumber(totals.doneOnTime)} / <span class="bad">${formatNumber(totals.doneLate)}</span></p>
      <${StackedBar} title=${t('onTimeLate')} parts=${[
        { label: t('onTime'), value: totals.doneOnTime, cls: 'good' },
        { label: t('late'), value: totals.doneLate, cls: 'bad' },
        { label: t('notDone'), value: totals.total - totals.done - totals.cancelled, cls: 'rest' },
      ]} />
      <p class="help">${t('onTimeLateLegend')}</p>
    </article>
  </section>`;
}

function SchoolTable({ overview, year }) {
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(PAGE_ROWS);
  const elapsed = yearElapsedPercent(year);
  const needle = filter.trim().toLowerCase();
  const ordered = orderSchools(overview.schools, elapsed).filter(
    ({ row }) => !needle || row.displayName.toLowerCase().includes(needle),
  );
  const exportCsv = () =>
    downloadCsv(`tong-quan-${idOf(overview.authority)}-${year}.csv`, [
      [t('school'), t('state'), t('tasksDone'), t('averageProgress'), t('overdue'), t('onTime'), t('late')],
      ...ordered.map(({ row, state }) => [
        row.displayName,
        t(STATE_LABEL[state]),
        row.error ? '' : `${row.tasks.done}/${row.tasks.total}`,
        row.error ? '' : row.tasks.averagePercentDone,
        row.error ? '' : row.tasks.overdue,
        row.error ? '' : row.tasks.doneOnTime,
        row.error ? '' : row.tasks.doneLate,
      ]),
    ]);
  return html`<section class="card">
    <div class="toolbar">
      <input type="search" placeholder=${t('filterSchools')} aria-label=${t('filterSchools')} value=${filter}
        onInput=${(e) => setFilter(e.target.value)} />
      <button type="button" onClick=${exportCsv}>${t('exportCsv')}</button>
    </div>
    <p class="help">${t('atRiskLegend', elapsed)} ${t('onTimeLateLegend')}</p>
    <table class="schools">
      <thead><tr>
        <th>${t('school')}</th><th>${t('state')}</th><th>${t('tasksDone')}</th><th>${t('averageProgress')}</th>
        <th>${t('overdue')}</th><th>${t('onTime')} / ${t('late')}</th>
      </tr></thead>
      <tbody>
        ${ordered.slice(0, shown).map(
          ({ row, state }) => html`<tr class=${'state-' + state} key=${row.school}>
            <td><a href=${`#/schools/${idOf(row.school)}`}>${row.displayName}</a></td>
            <td><span class=${'badge ' + state}>${t(STATE_LABEL[state])}</span>
              ${row.error && html`<small class="error-text">${row.error}</small>`}</td>
            ${row.error
              ? html`<td colspan="4"></td>`
              : html`<td><${ProgressBar} value=${row.tasks.done} max=${row.tasks.total}
                    label=${`${row.tasks.done}/${row.tasks.total}`} /></td>
                  <td class="num">${formatPercent(row.tasks.averagePercentDone)}</td>
                  <td class="num ${row.tasks.overdue > 0 ? 'bad' : ''}">${row.tasks.overdue}</td>
                  <td class="num">${row.tasks.doneOnTime} / ${row.tasks.doneLate}</td>`}
          </tr>`,
        )}
      </tbody>
    </table>
    ${ordered.length > shown &&
    html`<button type="button" onClick=${() => setShown(shown + PAGE_ROWS)}>
      ${t('showMore', Math.min(PAGE_ROWS, ordered.length - shown))}</button>`}
  </section>`;
}

function Tile({ title, path, params, figures }) {
  const state = useLoad(() => api('GET', path + query(params)), [path, JSON.stringify(params)]);
  return html`<article class="card tile">
    <h3>${title}</h3>
    <${Loaded} state=${state}>${(data) => html`<dl>${figures(data).map(
      ([label, value, percent]) => html`<div><dt>${label}</dt><dd>${value}
        ${percent !== undefined && html`<${ProgressBar} value=${percent} label="" />`}</dd></div>`,
    )}</dl>`}<//>
  </article>`;
}

function Tiles({ authority, year }) {
  const base = `/v1/${authority}`;
  const params = { 'scope.pageSize': 1, ...asOfParams('scope.asOf', year) };
  return html`<section class="tiles">
    <${Tile} title=${t('staffing')} path=${base + ':staffingRollup'} params=${params} figures=${(d) => [
      [t('staffCount'), formatNumber(d.totals.staffCount)],
      [t('downsizingProgress'), formatPercent(d.totals.downsizingProgressPercent), d.totals.downsizingProgressPercent],
      [t('ratingCompletion'), formatPercent(d.totals.ratingCompletionRate), d.totals.ratingCompletionRate],
    ]} />
    <${Tile} title=${t('finance')} path=${base + ':financeRollup'} params=${params} figures=${(d) => [
      [t('cashlessShare'), formatPercent(d.totals.cashlessShareAmount), d.totals.cashlessShareAmount],
      [t('collectionRate'), formatPercent(d.totals.collectionRate), d.totals.collectionRate],
      [t('collected'), formatMoney(d.totals.collectedAmount)],
    ]} />
    <${Tile} title=${t('complaints')} path=${base + ':complaintsRollup'} params=${params} figures=${(d) => [
      [t('received'), formatNumber(d.totals.received)],
      [t('casesOnTime'), formatPercent(d.totals.onTimeRate), d.totals.onTimeRate],
      [t('overdueOpen'), formatNumber(d.totals.overdueOpen)],
    ]} />
    <${Tile} title=${t('sipas')} path=${base + ':sipasRollup'} params=${params} figures=${(d) => [
      [t('sipasIndex'), formatPercent(d.index), d.index],
      [t('responses'), formatNumber(d.responses)],
    ]} />
  </section>`;
}

function YearPicker({ year, onChange }) {
  const now = new Date().getFullYear();
  const years = [now + 1, now, now - 1, now - 2];
  return html`<label class="year">${t('year')}
    <select value=${year} onChange=${(e) => onChange(Number(e.target.value))}>
      ${years.map((y) => html`<option value=${y}>${y}</option>`)}
    </select></label>`;
}

export function OverviewPage({ account }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const state = useLoad(
    () =>
      api(
        'GET',
        `/v1/${account.authority}:overview` +
          query({
            'periodStart.year': year, 'periodStart.month': 1, 'periodStart.day': 1,
            'periodEnd.year': year, 'periodEnd.month': 12, 'periodEnd.day': 31,
            ...asOfParams('asOf', year),
          }),
      ),
    [account.authority, year],
  );
  return html`<${Loaded} state=${state}>${(overview) => html`
    <div class="title-row">
      <h1>${overview.displayName}</h1>
      <${YearPicker} year=${year} onChange=${setYear} />
    </div>
    <p class="help">${t('asOf')} ${formatDate(overview.asOf)}</p>
    ${overview.failedSchools > 0 && html`<p class="error">${t('failedSchools', overview.failedSchools)}</p>`}
    <${NotificationsPanel} account=${account} />
    <${Headlines} overview=${overview} />
    <${Tiles} authority=${account.authority} year=${year} />
    <${SchoolTable} overview=${overview} year=${year} />`}<//>`;
}

export function DirectivesPage({ account }) {
  const state = useLoad(() => api('GET', `/v1/${account.authority}/directives?pageSize=100`), [account.authority]);
  return html`<h1>${t('directives')}</h1>
    <${Loaded} state=${state}>${(data) =>
      (data.directives || []).length === 0
        ? html`<p>${t('noDirectives')}</p>`
        : html`<table class="card">
            <thead><tr><th>${t('directiveNumber')}</th><th>${t('directiveTitle')}</th><th>${t('issuedOn')}</th>
              <th>${t('dueDate')}</th><th>${t('schools')}</th></tr></thead>
            <tbody>${data.directives.map(
              (d) => html`<tr key=${d.name}><td>${d.number}</td><td>${d.title}</td><td>${formatDate(d.issueDate)}</td>
                <td>${formatDate(d.dueDate)}</td><td class="num">${d.schoolCount}</td></tr>`,
            )}</tbody></table>`}<//>`;
}

const SUBMISSION = {
  SUBMISSION_STATUS_PENDING: ['pending', 'Chưa đến hạn', 'Not yet due'],
  SUBMISSION_STATUS_MISSING: ['late', 'Chưa nộp, quá hạn', 'Missing, past due'],
  SUBMISSION_STATUS_ON_TIME: ['onTrack', 'Nộp đúng hạn', 'On time'],
  SUBMISSION_STATUS_LATE: ['atRisk', 'Nộp trễ', 'Late'],
  SUBMISSION_STATUS_RETURNED: ['atRisk', 'Bị trả lại', 'Returned'],
};

export function ReportsPage({ account }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const [family, setFamily] = useState('');
  const [period, setPeriod] = useState('');
  const families = useLoad(() => api('GET', '/v1/reportFamilies?pageSize=100'), []);
  const periods = useLoad(
    () => (family ? api('GET', `/v1/${family}/periods` + query({ year, pageSize: 100 })) : Promise.resolve(null)),
    [family, year],
  );
  const statuses = useLoad(
    () =>
      family && period
        ? api('GET', `/v1/${account.authority}:reportStatuses` + query({ family, year, period, 'scope.pageSize': 1000 }))
        : Promise.resolve(null),
    [family, year, period],
  );
  const en = document.documentElement.lang === 'en';
  return html`<h1>${t('reports')}</h1>
    <div class="toolbar card">
      <${Loaded} state=${families}>${(data) => html`<label>${t('reportFamily')}
        <select value=${family} onChange=${(e) => { setFamily(e.target.value); setPeriod(''); }}>
          <option value="">—</option>
          ${(data.reportFamilies || []).map((f) => html`<option value=${f.name}>${f.title}</option>`)}
        </select></label>`}<//>
      <${YearPicker} year=${year} onChange=${(y) => { setYear(y); setPeriod(''); }} />
      ${family && html`<${Loaded} state=${periods}>${(data) => html`<label>${t('period')}
        <select value=${period} onChange=${(e) => setPeriod(e.target.value)}>
          <option value="">—</option>
          ${(data?.periods || []).map((p) => html`<option value=${p.code}>${p.label} (${formatDate(p.dueDate)})</option>`)}
        </select></label>`}<//>`}
    </div>
    ${family && period && html`<${Loaded} state=${statuses}>${(data) => data && html`<section class="card">
      <p>${t('dueDate')}: ${formatDate(data.period?.dueDate)} · ${t('missing')}: <b>${data.missingCount}</b> ·
        ${t('lateCount')}: <b>${data.lateCount}</b></p>
      <table><thead><tr><th>${t('school')}</th><th>${t('status')}</th></tr></thead>
        <tbody>${(data.schools || []).map((r) => {
          const [cls, vi, enLabel] = SUBMISSION[r.status?.status] || ['error', r.school.error, r.school.error];
          return html`<tr key=${r.school.school}><td>${r.school.displayName}</td>
            <td><span class=${'badge ' + cls}>${en ? enLabel : vi}</span>
              ${r.status?.daysLate > 0 && html` <small>+${r.status.daysLate}</small>`}</td></tr>`;
        })}</tbody></table></section>`}<//>`}`;
}
