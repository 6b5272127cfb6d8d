// The parents' pages, without an account (the gateway's public API, its
// limits per client address): find a school; file a feedback or complaint
// and keep its tracking code and secret; follow and rate a case; answer a
// SIPAS survey with the code printed on the form; read the school's
// financial disclosure; look up a child's invoices with their VietQR code
// and receipts; answer the short survey offered with a resolved case or a
// receipt.
import { html, useState } from './vendor/preact-htm.js';
import { encode } from './vendor/uqr.js';
import { api, newRequestId, query } from './api.js';
import { currentLang, formatDate, formatMoney, formatPercent, formatTime, t } from './i18n.js';
import { ErrorNote, idOf, Loaded, useLoad } from './ui.js';

const vi = () => currentLang() !== 'en';

// A form's submit: runs `action`, keeps its error, and its busy state.
function useAction(action) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = async (event) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function PublicHome() {
  const [text, setText] = useState('');
  const [found, setFound] = useState(null);
  const search = useAction(async () => setFound(await api('GET', '/v1/public/schools' + query({ query: text, pageSize: 20 }))));
  return html`<h1>${t('publicPages')}</h1>
    <nav class="plans">
      <a href="#/public/track">${t('trackCase')}</a>
      <a href="#/public/survey">${t('answerSurvey')}</a>
    </nav>
    <form class="card" onSubmit=${search.run}>
      <label>${t('findSchool')}
        <input name="schoolQuery" type="search" required minlength="2" value=${text} onInput=${(e) => setText(e.target.value)} /></label>
      <button type="submit" disabled=${search.busy}>${t('search')}</button>
      <${ErrorNote} error=${search.error} />
    </form>
    ${found && html`<section class="card">
      ${(found.schools || []).length === 0 && html`<p>${t('noSchoolFound')}</p>`}
      <ul class="found">${(found.schools || []).map(
        (s) => html`<li key=${s.name}><b>${s.displayName}</b> <span class="help">${s.address}</span><br />
          <a href=${`#/public/case/${idOf(s.name)}`}>${t('fileCase')}</a> ·
          <a href=${`#/public/disclosure/${idOf(s.name)}`}>${t('disclosure')}</a> ·
          <a href=${`#/public/invoice/${idOf(s.name)}`}>${t('invoices')}</a></li>`,
      )}</ul></section>`}`;
}

const CASE_TYPES = ['CASE_TYPE_FEEDBACK', 'CASE_TYPE_PROCEDURE_FEEDBACK', 'CASE_TYPE_COMPLAINT', 'CASE_TYPE_DENUNCIATION'];

export function FileCasePage({ schoolId }) {
  const [form, setForm] = useState({ type: CASE_TYPES[0], subject: '', content: '', name: '', phone: '', email: '',
    address: '', anonymous: false, consent: false, decision: '' });
  const [requestId] = useState(newRequestId);
  const [receipt, setReceipt] = useState(null);
  const field = (key) => ({ value: form[key], onInput: (e) => setForm({ ...form, [key]: e.target.value }) });
  const submit = useAction(async () => {
    const body = {
      school: 'schools/' + schoolId, caseType: form.type, subject: form.subject, content: form.content,
      contact: { fullName: form.name, phone: form.phone, email: form.email, address: form.address, anonymous: form.anonymous },
      consent: form.consent, requestId,
    };
    if (form.type === 'CASE_TYPE_COMPLAINT' && form.decision) {
      const [year, month, day] = form.decision.split('-').map(Number);
      body.decisionDate = { year, month, day };
    }
    setReceipt(await api('POST', '/v1/public/cases', body));
  });
  if (receipt) {
    return html`<section class="card receipt" role="status">
      <h1>${t('caseFiled')}</h1>
      <p>${t('keepCodes')}</p>
      <dl class="codes"><dt>${t('trackingCode')}</dt><dd id="tracking-code">${receipt.trackingCode}</dd>
        <dt>${t('trackingSecret')}</dt><dd id="tracking-secret">${receipt.trackingSecret}</dd></dl>
      <p>${t('receivedOn')} ${formatDate(receipt.receivedDate)} · ${t('acceptBy')} ${formatDate(receipt.acceptanceDueDate)}
        ${receipt.expectedResolutionDate?.year && html` · ${t('expectedBy')} ${formatDate(receipt.expectedResolutionDate)}`}</p>
      <a href="#/public/track">${t('trackCase')}</a>
    </section>`;
  }
  return html`<form class="card case-form" onSubmit=${submit.run}>
    <h1>${t('fileCase')}</h1>
    <label>${t('caseType')}<select name="caseType" ...${field('type')} onChange=${(e) => setForm({ ...form, type: e.target.value })}>
      ${CASE_TYPES.map((c) => html`<option value=${c}>${t(c)}</option>`)}</select></label>
    ${form.type === 'CASE_TYPE_COMPLAINT' && html`<label>${t('decisionDate')}<input name="decisionDate" type="date" ...${field('decision')} /></label>`}
    <label>${t('subject')}<input name="subject" required maxlength="200" ...${field('subject')} /></label>
    <label>${t('content')}<textarea name="content" required rows="5" maxlength="10000" ...${field('content')}></textarea></label>
    <fieldset><legend>${t('contact')}</legend>
      <label class="check"><input type="checkbox" name="anonymous" checked=${form.anonymous}
        onChange=${(e) => setForm({ ...form, anonymous: e.target.checked })} /> ${t('anonymous')}</label>
      ${!form.anonymous && html`<label>${t('fullName')}<input name="fullName" ...${field('name')} /></label>
        <label>${t('phone')}<input name="phone" type="tel" ...${field('phone')} /></label>
        <label>${t('email')}<input name="email" type="email" ...${field('email')} /></label>
        <label>${t('address')}<input name="address" ...${field('address')} /></label>`}
    </fieldset>
    <label class="check"><input type="checkbox" name="consent" checked=${form.consent}
      onChange=${(e) => setForm({ ...form, consent: e.target.checked })} /> ${t('consent')}</label>
    <${ErrorNote} error=${submit.error} />
    <button type="submit" disabled=${submit.busy}>${t('send')}</button>
  </form>`;
}

export function TrackCasePage() {
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [view, setView] = useState(null);
  const [score, setScore] = useState(0);
  const track = useAction(async () => setView(await api('POST', '/v1/public/cases:track', { trackingCode: code, trackingSecret: secret })));
  const [rateId] = useState(newRequestId);
  const rate = useAction(async () =>
    setView(await api('POST', '/v1/public/cases:rate', { trackingCode: code, trackingSecret: secret, score, requestId: rateId })),
  );
  return html`<h1>${t('trackCase')}</h1>
    <form class="card" onSubmit=${track.run}>
      <label>${t('trackingCode')}<input name="trackingCode" required value=${code} onInput=${(e) => setCode(e.target.value)} /></label>
      <label>${t('trackingSecret')}<input name="trackingSecret" required value=${secret} onInput=${(e) => setSecret(e.target.value)} /></label>
      <${ErrorNote} error=${track.error} />
      <button type="submit" disabled=${track.busy}>${t('show')}</button>
    </form>
    ${view && html`<section class="card case-view">
      <h2>${view.schoolDisplayName}</h2>
      <p>${t(view.caseType)} · <span class="badge pending" id="case-state">${t(view.state)}</span>
        ${view.timeliness && view.timeliness !== 'CASE_TIMELINESS_UNSPECIFIED' && html` <span class="badge">${t(view.timeliness)}</span>`}</p>
      <p>${t('receivedOn')} ${formatDate(view.receivedDate)}
        ${view.resolutionDueDate?.year && html` · ${t('dueDate')} ${formatDate(view.resolutionDueDate)}`}</p>
      ${view.resolutionSummary && html`<p><b>${t('resolution')}:</b> ${view.resolutionSummary}</p>`}
      <ul>${(view.publicEvents || []).map((e) => html`<li key=${e.name}>${formatTime(e.createTime)} — ${t(e.toState)} ${e.note}</li>`)}</ul>
      ${view.canRate && html`<form onSubmit=${rate.run}>
        <label>${t('rateCase')}<select name="score" value=${score} onChange=${(e) => setScore(Number(e.target.value))}>
          <option value="0">—</option>${[5, 4, 3, 2, 1].map((s) => html`<option value=${s}>${s}</option>`)}</select></label>
        <${ErrorNote} error=${rate.error} /><button type="submit" disabled=${rate.busy || !score}>${t('send')}</button></form>`}
      ${view.feedback && html`<${QuickSurvey} invitation=${view.feedback} />`}
    </section>`}`;
}

// The short survey after a service (a resolved case, a receipt): the
// invitation the service gave, three questions 1-5, answered once.
function QuickSurvey({ invitation }) {
  const form = useLoad(() => api('GET', '/v1/public/serviceFeedbackForm'), []);
  const [scores, setScores] = useState({});
  const [done, setDone] = useState('');
  const [requestId] = useState(newRequestId);
  const send = useAction(async () => {
    const questions = form.data.questions || [];
    const answer = await api('POST', '/v1/public/serviceFeedback:answer', {
      invitation,
      scores: questions.map((q) => scores[q.code]),
      requestId,
    });
    setDone(answer.message || t('thanks'));
  });
  if (done) return html`<p class="quick-survey" role="status">${done}</p>`;
  return html`<${Loaded} state=${form}>${(f) => {
    const questions = f.questions || [];
    const complete = questions.every((q) => scores[q.code]);
    return html`<form class="quick-survey" onSubmit=${send.run}>
      <h3>${t('quickSurvey')}</h3><p class="help">${t('quickSurveyIntro')}</p>
      ${questions.map((q) => html`<div class="question" key=${q.code}><p>${q.text}</p>
        ${(f.scaleLabels || []).map((label, i) => html`<label class="check">
          <input type="radio" name=${invitation.subject + '-' + q.code} value=${i + 1} checked=${scores[q.code] === i + 1}
            onChange=${() => setScores({ ...scores, [q.code]: i + 1 })} /> ${i + 1} · ${label}</label>`)}</div>`)}
      <${ErrorNote} error=${send.error} /><button type="submit" disabled=${send.busy || !complete}>${t('send')}</button></form>`;
  }}<//>`;
}

export function SurveyPage() {
  const [code, setCode] = useState('');
  const [survey, setSurvey] = useState(null);
  const [answers, setAnswers] = useState({});
  const [comment, setComment] = useState('');
  const [done, setDone] = useState('');
  const [requestId] = useState(newRequestId);
  const open = useAction(async () => setSurvey(await api('POST', '/v1/public/surveys:open', { respondentCode: code })));
  const send = useAction(async () => {
    const list = Object.entries(answers).map(([question, score]) => ({ question, score }));
    const answer = await api('POST', '/v1/public/surveys:answer', { respondentCode: code, answers: list, comment, requestId });
    setDone(answer.message || t('thanks'));
  });
  if (done) return html`<section class="card" role="status"><h1>${t('thanks')}</h1><p>${done}</p></section>`;
  if (!survey) {
    return html`<form class="card" onSubmit=${open.run}><h1>${t('answerSurvey')}</h1>
      <label>${t('respondentCode')}<input name="respondentCode" required value=${code} onInput=${(e) => setCode(e.target.value)} /></label>
      <${ErrorNote} error=${open.error} /><button type="submit" disabled=${open.busy}>${t('show')}</button></form>`;
  }
  const q = survey.questionnaire;
  return html`<form class="card survey" onSubmit=${send.run}>
    <h1>${survey.title}</h1><p class="help">${survey.schoolDisplayName} · ${formatDate(survey.closeDate)}</p>
    ${survey.alreadyAnswered && html`<p class="error">${t('alreadyAnswered')}</p>`}
    <p>${q.introduction}</p>
    ${(q.factors || []).map((f) => html`<fieldset key=${f.code}><legend>${vi() ? f.title : f.titleEn || f.title}</legend>
      ${(f.questions || []).map((question) => html`<div class="question" key=${question.code}><p>${question.text}</p>
        ${[...(q.scale || []), { score: 0, label: t('notApplicable') }].map((s) => html`<label class="check">
          <input type="radio" name=${question.code} value=${s.score} checked=${answers[question.code] === s.score}
            onChange=${() => setAnswers({ ...answers, [question.code]: s.score })} /> ${s.label}</label>`)}</div>`)}</fieldset>`)}
    <label>${t('note')}<textarea name="comment" rows="3" value=${comment} onInput=${(e) => setComment(e.target.value)}></textarea></label>
    <${ErrorNote} error=${send.error} /><button type="submit" disabled=${send.busy}>${t('send')}</button></form>`;
}

function schoolYears() {
  const now = new Date();
  const first = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  return [0, 1, 2].map((i) => `${first - i}-${first - i + 1}`);
}

export function DisclosurePage({ schoolId }) {
  const [year, setYear] = useState(schoolYears()[0]);
  const state = useLoad(() => api('GET', `/v1/public/schools/${schoolId}/financialDisclosure` + query({ schoolYear: year })), [schoolId, year]);
  const amounts = (rows) => html`<table><tbody>${(rows || []).map((r) => html`<tr key=${r.code}><td>${r.displayName}</td>
    <td class="num">${formatMoney(r.amount)}</td></tr>`)}</tbody></table>`;
  return html`<h1>${t('disclosure')}</h1>
    <label class="year">${t('schoolYear')}<select value=${year} onChange=${(e) => setYear(e.target.value)}>
      ${schoolYears().map((y) => html`<option value=${y}>${y}</option>`)}</select></label>
    <${Loaded} state=${state}>${(d) => html`<section class="card disclosure">
      <p class="help">${t('publishedAt')} ${formatTime(d.publishTime)}</p>
      <h2>${t('feeItems')}</h2>
      <table><thead><tr><th>${t('feeItem')}</th><th>${t('amount')}</th><th>${t('legalBasis')}</th></tr></thead>
        <tbody>${(d.feeItems || []).map((f) => html`<tr key=${f.name}><td>${f.displayName}</td><td class="num">${formatMoney(f.amount)}</td>
          <td>${f.legalBasis}</td></tr>`)}</tbody></table>
      <h2>${t('collectedBy')}</h2>${amounts(d.collected)}
      <h2>${t('spentBy')}</h2>${amounts(d.spent)}
      <p>${t('cashlessShare')}: <b>${formatPercent(d.cashlessShareAmount)}</b></p></section>`}<//>`;
}

// A QR code drawn as SVG squares from its module matrix (uqr).
function QrCode({ text }) {
  const qr = encode(text, { ecc: 'M', border: 4 });
  const d = [];
  qr.data.forEach((row, y) => row.forEach((dark, x) => dark && d.push(`M${x} ${y}h1v1h-1z`)));
  return html`<svg class="qr" viewBox=${`0 0 ${qr.size} ${qr.size}`} role="img" aria-label="VietQR" shape-rendering="crispEdges">
    <rect width=${qr.size} height=${qr.size} fill="#fff" /><path d=${d.join('')} fill="#000" /></svg>`;
}

const INVOICE_STATE = {
  INVOICE_STATE_ISSUED: ['pending', 'Chưa nộp', 'Not paid'],
  INVOICE_STATE_PARTIALLY_PAID: ['atRisk', 'Đã nộp một phần', 'Partly paid'],
  INVOICE_STATE_PAID: ['onTrack', 'Đã nộp đủ', 'Paid'],
  INVOICE_STATE_CANCELLED: ['error', 'Đã hủy', 'Cancelled'],
};

export function InvoicePage({ schoolId }) {
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [account, setAccount] = useState(null);
  const look = useAction(async () =>
    setAccount(await api('POST', '/v1/public/familyAccounts:lookUp', { school: 'schools/' + schoolId, pupilCode: code, slipSecret: secret })),
  );
  return html`<h1>${t('invoices')}</h1>
    <form class="card" onSubmit=${look.run}>
      <label>${t('pupilCode')}<input name="pupilCode" required value=${code} onInput=${(e) => setCode(e.target.value)} /></label>
      <label>${t('slipSecret')}<input name="slipSecret" required value=${secret} onInput=${(e) => setSecret(e.target.value)} /></label>
      <${ErrorNote} error=${look.error} /><button type="submit" disabled=${look.busy}>${t('show')}</button>
    </form>
    ${account && html`<section class="card family">
      <h2>${account.displayName} · ${account.className}</h2>
      <p>${t('balance')}: <b>${formatMoney(account.balance)}</b></p>
      ${(account.invoices || []).map((inv) => {
        const [cls, viLabel, enLabel] = INVOICE_STATE[inv.state] || ['error', inv.state, inv.state];
        const open = Number(inv.balance) > 0 && inv.state !== 'INVOICE_STATE_CANCELLED';
        return html`<article class="invoice" key=${inv.name}>
          <h3>${inv.period} · <span class=${'badge ' + cls}>${vi() ? viLabel : enLabel}</span>
            ${inv.overdue && html` <span class="badge late">${t('overdue')}</span>`}</h3>
          <table><tbody>${(inv.lines || []).map((l) => html`<tr><td>${l.description}</td><td class="num">${formatMoney(l.amount)}</td></tr>`)}
            <tr><th>${t('total')}</th><th class="num">${formatMoney(inv.totalAmount)}</th></tr>
            <tr><td>${t('paid')}</td><td class="num">${formatMoney(inv.paidAmount)}</td></tr>
            <tr><th>${t('toPay')}</th><th class="num">${formatMoney(inv.balance)}</th></tr></tbody></table>
          <p>${t('dueDate')}: ${formatDate(inv.dueDate)} · ${t('paymentReference')}: <code>${inv.paymentReference}</code></p>
          ${open && inv.vietqrPayload && html`<figure class="qr-box"><${QrCode} text=${inv.vietqrPayload} />
            <figcaption>${t('scanToPay')}</figcaption></figure>`}
        </article>`;
      })}
      ${(account.receipts || []).length > 0 && html`<${Receipts} receipts=${account.receipts} />`}
    </section>`}`;
}

// The family's receipts; each one not cancelled offers the short survey.
function Receipts({ receipts }) {
  const [asking, setAsking] = useState('');
  return html`<section class="receipts"><h3>${t('receipts')}</h3>
    <ul>${receipts.map((r) => html`<li key=${r.name}>
      ${t('receiptNumber')} <code>${r.number}</code> · ${formatMoney(r.amount)}${vi() && r.amountInWords ? html` <span class="words">(${r.amountInWords})</span>` : ''} · ${t('issuedOn')} ${formatTime(r.issueTime)}
      ${r.cancelled && html` <span class="badge late">${vi() ? 'Đã hủy' : 'Cancelled'}</span>`}
      ${r.feedback && asking !== r.name && html` <button type="button" class="link" onClick=${() => setAsking(r.name)}>${t('quickSurvey')}</button>`}
      ${r.feedback && asking === r.name && html`<${QuickSurvey} invitation=${r.feedback} />`}
    </li>`)}</ul></section>`;
}
