// The web dashboard in a real browser (Debian's headless Chromium driven by
// playwright-core), against a running suite whose world the caller built
// (tests/e2e/http_e2e_test.cc, DashboardInARealBrowser):
//   PARHUB_WEB_URL        the gateway's HTTP address, e.g. http://127.0.0.1:8080/
//   PARHUB_OFFICER_KEY    an authority officer's API key
//   PARHUB_PRINCIPAL_KEY  a school admin's API key (its school has a plan with tasks)
//   PARHUB_SCHOOL_NAME    that school's display name
//   PARHUB_SCREENSHOTS    optional: a directory for PNGs of the main pages
//   PARHUB_CHROMIUM       optional: the browser (default /usr/bin/chromium)
// It logs in (a wrong key first), reads the overview, runs the
// notifications sweep and reads the panel, checks the cookie and CSRF
// protection, switches language, records progress as the principal and
// sees it change on the task page and in the officer's overview.
// Exit status 0 when every check passed; the first failed check is printed.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const url = env('PARHUB_WEB_URL');
const officerKey = env('PARHUB_OFFICER_KEY');
const principalKey = env('PARHUB_PRINCIPAL_KEY');
const schoolName = env('PARHUB_SCHOOL_NAME');
const shots = process.env.PARHUB_SCREENSHOTS || '';
const step = (text) => console.log(`- ${text}`);

async function shot(page, name) {
  if (shots) await page.screenshot({ path: path.join(shots, name), fullPage: true });
}

async function logIn(page, key) {
  await page.goto(url);
  await page.fill('#api-key', key);
  await page.click('form.login button[type=submit]');
}

// The "done/total" label of the school's completion bar in the overview.
async function completionOf(page) {
  const row = page.locator('table.schools tbody tr', { hasText: schoolName });
  await row.waitFor();
  return row.locator('td:nth-child(3) .progress .text').innerText();
}

const browser = await chromium.launch({
  executablePath: process.env.PARHUB_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const pageErrors = [];
try {
  const officer = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await officer.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));

  step('a wrong key is refused with a message and no session');
  await logIn(page, 'phk_' + '0'.repeat(40));
  await page.locator('form.login .error').waitFor();
  assert.equal((await officer.cookies()).length, 0, 'no cookie for a refused key');
  await shot(page, 'web-login.png');

  step('the officer logs in and reads the overview');
  await page.fill('#api-key', officerKey);
  await page.click('form.login button[type=submit]');
  await page.waitForURL(/#\/overview$/);
  await page.locator('.headlines .figure').first().waitFor();
  assert.equal(await page.locator('.headlines .figure').count(), 4, 'four headline figures');
  assert.equal(await page.locator('.headlines svg[role=img]').count(), 4, 'a chart per headline figure');
  const before = await completionOf(page);
  assert.match(before, /^\d+\/\d+$/, `completion label "${before}"`);
  await page.locator('.tiles .tile').nth(3).locator('dl, .error').waitFor();
  await shot(page, 'web-overview.png');

  step('the officer sweeps now: the notifications panel lists the overdue tasks');
  const notices = page.locator('.notifications-panel');
  await notices.locator('h2', { hasText: 'Thông báo' }).waitFor();
  await notices.locator('button.sweep', { hasText: 'Rà soát ngay' }).click();
  const swept = notices.locator('.sweep-result .ok');
  await swept.waitFor();
  assert.match(await swept.innerText(), /^Đã rà soát [1-9]\d* trường: \d+ thông báo mới\.$/);
  // The plans' tasks due 10/06/2026 (par-2026 from the template) are overdue
  // (from 11/06/2026, while the embedded holiday calendars cover today).
  await notices.locator('table.notifications tbody tr', { hasText: 'Quá hạn' }).first().waitFor();
  assert.equal(await notices.locator('table.notifications thead th').count(), 5, 'an officer sees the school column');
  assert.match((await notices.locator('.notify-counts').innerText()).replace(/\s+/g, ' '), /Quá hạn [1-9]/);
  assert.equal(await notices.locator('.empty').count(), 0);
  if (shots) await notices.screenshot({ path: path.join(shots, 'web-notifications.png') });

  step('sweeping the same day again records nothing new');
  await notices.locator('button.sweep').click();
  await notices.locator('.sweep-result .ok', { hasText: ': 0 thông báo mới.' }).waitFor();

  step('the session cookie is HttpOnly and SameSite=Strict, invisible to scripts');
  const cookies = await officer.cookies();
  assert.equal(cookies.length, 1);
  assert.equal(cookies[0].httpOnly, true);
  assert.equal(cookies[0].sameSite, 'Strict');
  assert.equal(await page.evaluate(() => document.cookie), '');

  step('English on request, Vietnamese back');
  await page.click('header.top button:has-text("English")');
  await page.locator('h3', { hasText: 'Tasks done' }).waitFor();
  await page.locator('.notifications-panel h2', { hasText: 'Notifications' }).waitFor();
  await page.locator('.notifications-panel .badge', { hasText: 'Overdue' }).first().waitFor();
  await page.click('header.top button:has-text("Tiếng Việt")');
  await page.locator('h3', { hasText: 'Nhiệm vụ hoàn thành' }).waitFor();

  step('drill-down from the overview to the school and its tasks');
  await page.click(`table.schools a:has-text("${schoolName}")`);
  await page.locator('h1', { hasText: schoolName }).waitFor();
  await page.locator('table.tasks tbody tr').first().waitFor();
  assert.equal(await page.locator('.progress-form').count(), 0, 'an officer does not record a school\'s progress');

  step('the principal logs in, opens a task and records progress with evidence');
  const principal = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const school = await principal.newPage();
  school.on('pageerror', (e) => pageErrors.push(e.message));
  await logIn(school, principalKey);
  await school.locator('h1', { hasText: schoolName }).waitFor();
  await shot(school, 'web-school.png');
  const schoolNotices = school.locator('.notifications-panel');
  await schoolNotices.locator('table.notifications tbody tr', { hasText: 'Quá hạn' }).first().waitFor();
  assert.equal(await schoolNotices.locator('table.notifications thead th').count(), 4, 'no school column for a school');
  assert.equal(await schoolNotices.locator('button.sweep').count(), 0, 'a school does not sweep');
  const firstOpen = school.locator('table.tasks tbody tr', { hasNotText: /Hoàn thành|Đã hủy/ }).first();
  await firstOpen.locator('a').click();
  await school.locator('.progress-form').waitFor();
  const note = `Đã hoàn thành, kiểm tra lúc ${new Date().toISOString()}`;
  await school.fill('input[name=percentDone]', '100');
  await school.fill('textarea[name=note]', note);
  await school.fill('input[name=documentNumber]', '12/BC-WEB');
  await school.fill('input[name=title]', 'Báo cáo kết quả');
  const pdf = Buffer.from(`%PDF-1.4\n% Bao cao ket qua ${note}\n%%EOF\n`);
  await school.setInputFiles('input[name=evidenceFile]', { name: '12-bc.pdf', mimeType: 'application/pdf', buffer: pdf });
  await school.click('.progress-form button[type=submit]');
  await school.locator('.progress-form .ok').waitFor();
  await school.locator('table.history tr', { hasText: note }).waitFor();
  assert.equal(await school.locator('.task-progress .progress').getAttribute('aria-valuenow'), '100');
  const entry = school.locator('table.history tr', { hasText: note });
  assert.match(await entry.innerText(), /12\/BC-WEB/);
  assert.match(await entry.innerText(), new RegExp(createHash('sha256').update(pdf).digest('hex')));
  await shot(school, 'web-task.png');

  step('the uploaded evidence downloads as the same bytes');
  const [download] = await Promise.all([school.waitForEvent('download'), entry.locator('button.small').click()]);
  assert.equal(download.suggestedFilename(), '12-bc.pdf');
  const saved = await download.createReadStream();
  const chunks = [];
  for await (const chunk of saved) chunks.push(chunk);
  assert.ok(Buffer.concat(chunks).equals(pdf), 'downloaded bytes equal the upload');

  step('a file that is not a PDF or an image is refused, whatever its name');
  await school.fill('input[name=percentDone]', '100');
  await school.setInputFiles('input[name=evidenceFile]', { name: 'virus.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
  await school.click('.progress-form button[type=submit]');
  await school.locator('.progress-form .error', { hasText: /PDF/ }).waitFor();
  await school.setInputFiles('input[name=evidenceFile]', []);

  step('a write without the CSRF token is refused, even with the cookie');
  const forged = await school.evaluate(async (taskPath) => {
    const r = await fetch(taskPath + '/progressUpdates?requestId=forged-1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ percentDone: 0 }),
    });
    return r.status;
  }, '/v1/' + decodeURIComponent(new URL(school.url()).hash.replace('#/task/', '')));
  assert.equal(forged, 403);

  step('a bad entry gets a clear message and changes nothing');
  const rowsBefore = await school.locator('table.history tbody tr').count();
  await school.fill('input[name=percentDone]', '100');
  await school.fill('input[name=sha256]', '');
  await school.fill('input[name=uri]', 'ftp://nowhere');
  await school.click('.progress-form button[type=submit]');
  await school.locator('.progress-form .error').waitFor();
  assert.equal(await school.locator('table.history tbody tr').count(), rowsBefore);

  step('the officer\'s overview shows the change');
  await page.click('header.top a:has-text("Tổng quan")');
  const after = await completionOf(page);
  const [doneBefore, total] = before.split('/').map(Number);
  assert.equal(after, `${doneBefore + 1}/${total}`, `completion ${before} → ${after}`);

  step('logout ends the session on the server');
  await page.click('header.top button:has-text("Đăng xuất")');
  await page.locator('form.login').waitFor();
  const status = await page.evaluate(async () => (await fetch('/web/session')).status);
  assert.equal(status, 401);

  assert.deepEqual(pageErrors, [], 'no script errors');
  console.log('dashboard: all checks passed');
} finally {
  await browser.close();
}
