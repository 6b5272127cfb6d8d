// The dashboard's shell: the session (log in with an API key, resume from
// the cookie, log out), the language switch, the navigation for the
// account's role and a hash router over the pages:
//   #/overview            officer: the authority's schools (officer.js)
//   #/directives          officer: directives (officer.js)
//   #/reports             officer: report statuses (officer.js)
//   #/schools/{id}        a school's plans and tasks (school.js)
//   #/task/{task name}    a task, its history and progress entry (school.js)
//   #/public…             parents' pages, with or without a session (public.js)
import { html, render, useEffect, useState } from './vendor/preact-htm.js';
import { api, setCsrfToken } from './api.js';
import { currentLang, setLang, t } from './i18n.js';
import { DirectivesPage, OverviewPage, ReportsPage } from './officer.js';
import { DisclosurePage, FileCasePage, InvoicePage, PublicHome, SurveyPage, TrackCasePage } from './public.js';
import { SchoolPage, TaskPage } from './school.js';
import { ErrorNote } from './ui.js';

function useHash() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

function LoginPage({ onLogin }) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLogin(await api('POST', '/web/session', { apiKey: key.trim() }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="login card" onSubmit=${submit}>
    <h1>${t('appTitle')}</h1>
    <label for="api-key">${t('apiKey')}</label>
    <input id="api-key" name="apiKey" type="password" autocomplete="off" required value=${key}
      onInput=${(e) => setKey(e.target.value)} />
    <p class="help">${t('apiKeyHelp')}</p>
    <${ErrorNote} error=${error} />
    <button type="submit" disabled=${busy}>${busy ? t('loggingIn') : t('login')}</button>
  </form>`;
}

function homeOf(account) {
  if (account.school) return `#/schools/${account.school.split('/')[1]}`;
  return '#/overview';
}

function Navigation({ account, onLogout, onLanguage }) {
  const officer = !account.school;
  return html`<header class="top">
    <a class="brand" href=${homeOf(account)}>${t('appTitle')}</a>
    <nav>
      ${officer
        ? html`<a href="#/overview">${t('overview')}</a><a href="#/directives">${t('directives')}</a><a
              href="#/reports">${t('reports')}</a>`
        : html`<a href=${homeOf(account)}>${t('plans')}</a>`}
    </nav>
    <span class="who">${account.displayName} · ${t('role_' + account.role)}</span>
    <button type="button" class="link" onClick=${onLanguage}>${t('language')}</button>
    <button type="button" class="link" onClick=${onLogout}>${t('logout')}</button>
  </header>`;
}

function Page({ hash, account }) {
  const path = hash.replace(/^#/, '') || '/';
  let m;
  if (path === '/') {
    location.hash = homeOf(account);
    return null;
  }
  if (path === '/overview') return html`<${OverviewPage} account=${account} />`;
  if (path === '/directives') return html`<${DirectivesPage} account=${account} />`;
  if (path === '/reports') return html`<${ReportsPage} account=${account} />`;
  if ((m = /^\/schools\/([a-z0-9-]+)(?:\/plans\/([a-z0-9-]+))?$/.exec(path))) {
    return html`<${SchoolPage} account=${account} schoolId=${m[1]} planId=${m[2]} />`;
  }
  if ((m = /^\/task\/(schools\/[a-z0-9-]+\/plans\/[a-z0-9-]+\/tasks\/[a-z0-9-]+)$/.exec(path))) {
    return html`<${TaskPage} account=${account} taskName=${m[1]} />`;
  }
  return html`<p class="error">${t('noSuchPage')}</p>`;
}

function PublicPage({ hash }) {
  const path = hash.replace(/^#/, '');
  let m;
  if (path === '/public') return html`<${PublicHome} />`;
  if (path === '/public/track') return html`<${TrackCasePage} />`;
  if (path === '/public/survey') return html`<${SurveyPage} />`;
  if ((m = /^\/public\/(case|disclosure|invoice)\/([a-z0-9-]+)$/.exec(path))) {
    const Page = { case: FileCasePage, disclosure: DisclosurePage, invoice: InvoicePage }[m[1]];
    return html`<${Page} schoolId=${m[2]} />`;
  }
  return html`<p class="error">${t('noSuchPage')}</p>`;
}

function PublicShell({ hash, onLanguage }) {
  return html`<header class="top">
      <a class="brand" href="#/public">${t('appTitle')}</a>
      <nav><a href="#/public">${t('publicPages')}</a></nav>
      <button type="button" class="link" onClick=${onLanguage}>${t('language')}</button>
      <a href="#/">${t('staffLogin')}</a>
    </header>
    <div class="page"><${PublicPage} hash=${hash} /></div>`;
}

function App() {
  const hash = useHash();
  const [session, setSession] = useState(undefined); // undefined: asking; null: logged out
  const [, setLanguage] = useState(currentLang());
  useEffect(() => {
    // A call answered 401 (the session expired or the key was revoked).
    const onExpired = () => setSession(null);
    addEventListener('parhub:unauthenticated', onExpired);
    api('GET', '/web/session').then(
      (s) => {
        setCsrfToken(s.csrfToken);
        setSession(s);
      },
      () => setSession(null),
    );
    return () => removeEventListener('parhub:unauthenticated', onExpired);
  }, []);
  const onLanguage = () => {
    setLang(currentLang() === 'vi' ? 'en' : 'vi');
    setLanguage(currentLang());
  };
  const onLogin = (s) => {
    setCsrfToken(s.csrfToken);
    setSession(s);
    location.hash = homeOf(s.account);
  };
  const onLogout = async () => {
    await api('DELETE', '/web/session').catch(() => {});
    setCsrfToken('');
    setSession(null);
    location.hash = '';
  };
  if (hash.startsWith('#/public')) return html`<${PublicShell} hash=${hash} onLanguage=${onLanguage} />`;
  if (session === undefined) return html`<p class="loading">${t('loading')}</p>`;
  if (session === null) {
    return html`<div class="anonymous">
      <button type="button" class="link lang" onClick=${onLanguage}>${t('language')}</button>
      <${LoginPage} onLogin=${onLogin} />
      <p><a href="#/public">${t('publicPages')}</a></p>
    </div>`;
  }
  return html`<${Navigation} account=${session.account} onLogout=${onLogout} onLanguage=${onLanguage} />
    <div class="page"><${Page} hash=${hash} account=${session.account} /></div>`;
}

setLang(currentLang());
render(html`<${App} />`, document.getElementById('app'));
