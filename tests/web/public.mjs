// The parents' pages in a real browser (Debian's headless Chromium driven by
// playwright-core), without an account, against a running suite the caller
// prepared (tests/e2e/http_e2e_test.cc, PublicPagesInARealBrowser):
//   PARHUB_WEB_URL, PARHUB_SCHOOL_NAME, PARHUB_SCHOOL_QUERY (the name without diacritics),
//   PARHUB_PUPIL_CODE, PARHUB_SLIP_SECRET, PARHUB_VIETQR_PAYLOAD (the invoice's),
//   PARHUB_RESPONDENT_CODE (an unused survey code);
//   PARHUB_SCREENSHOTS (optional directory), PARHUB_CHROMIUM (default /usr/bin/chromium).
// The invoice is part paid: its receipt offers the short survey, which is
// answered. The invoice's QR code is photographed and decoded with zbarimg (Debian's
// zbar-tools), which must read back exactly the invoice's VietQR payload.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const url = env('PARHUB_WEB_URL');
const schoolName = env('PARHUB_SCHOOL_NAME');
const shots = process.env.PARHUB_SCREENSHOTS || '';
const step = (text) => console.log(`- ${text}`);
const shot = async (page, name) => shots && page.screenshot({ path: path.join(shots, name), fullPage: true });

const browser = await chromium.launch({
  executablePath: process.env.PARHUB_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const pageErrors = [];
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));

  step('a parent finds the school without diacritics, from the login page');
  await page.goto(url);
  await page.click('a[href="#/public"]');
  await page.fill('input[name=schoolQuery]', env('PARHUB_SCHOOL_QUERY'));
  await page.click('form button[type=submit]');
  const school = page.locator('ul.found li', { hasText: schoolName });
  await school.waitFor();

  step('filing without consent is refused with a message; with it, a code and a secret come back');
  await school.locator('a[href^="#/public/case/"]').click();
  await page.fill('input[name=subject]', 'Cổng trường đông xe giờ tan học');
  await page.fill('textarea[name=content]', 'Đề nghị nhà trường phân luồng xe đón trẻ lúc 16 giờ 30.');
  await page.fill('input[name=fullName]', 'Trần Văn Phụ Huynh');
  await page.fill('input[name=phone]', '0909000111');
  await page.click('.case-form button[type=submit]');
  await page.locator('.case-form .error').waitFor();
  assert.match(await page.locator('.case-form .error').innerText(), /đồng ý|consent/i);
  await page.check('input[name=consent]');
  await page.click('.case-form button[type=submit]');
  await page.locator('#tracking-code').waitFor();
  const code = await page.locator('#tracking-code').innerText();
  const secret = await page.locator('#tracking-secret').innerText();
  assert.ok(code.length >= 6 && secret.length >= 6, `code ${code}, secret ${secret}`);
  await shot(page, 'web-public-case.png');

  step('the case is followed with its code and secret only');
  await page.click('a[href="#/public/track"]');
  await page.fill('input[name=trackingCode]', code);
  await page.fill('input[name=trackingSecret]', 'AAAA-BBBB-CC');
  await page.click('form button[type=submit]');
  await page.locator('form .error').waitFor();
  await page.fill('input[name=trackingSecret]', secret);
  await page.click('form button[type=submit]');
  await page.locator('#case-state').waitFor();
  // A feedback filed online is accepted on receipt (its receipt gave the expected resolution date).
  assert.equal(await page.locator('#case-state').innerText(), 'Đã thụ lý');
  assert.match(await page.locator('.case-view h2').innerText(), new RegExp(schoolName));

  step('the financial disclosure lists the fee with its basis');
  await page.goto(url + '#/public');
  await page.fill('input[name=schoolQuery]', env('PARHUB_SCHOOL_QUERY'));
  await page.click('form button[type=submit]');
  await page.locator('ul.found li', { hasText: schoolName }).locator('a[href^="#/public/disclosure/"]').click();
  await page.locator('.disclosure').waitFor();
  assert.match(await page.locator('.disclosure').innerText(), /Tiền ăn bán trú[\s\S]*700\.000 đ[\s\S]*Thỏa thuận/);
  await shot(page, 'web-public-disclosure.png');

  step('a family sees its invoice with a VietQR code that decodes to the invoice\'s payload');
  await page.goto(page.url().replace('/disclosure/', '/invoice/'));
  await page.fill('input[name=pupilCode]', env('PARHUB_PUPIL_CODE'));
  await page.fill('input[name=slipSecret]', 'AAAAAAAAAA');
  await page.click('form button[type=submit]');
  await page.locator('form .error').waitFor();
  assert.equal(await page.locator('.family').count(), 0, 'a wrong secret shows nothing');
  await page.fill('input[name=slipSecret]', env('PARHUB_SLIP_SECRET'));
  await page.click('form button[type=submit]');
  await page.locator('svg.qr').waitFor();
  assert.match(await page.locator('.family').innerText(), /700\.000 đ/);
  const qrPng = path.join(mkdtempSync(path.join(os.tmpdir(), 'parhub-qr-')), 'qr.png');
  await page.locator('svg.qr').screenshot({ path: qrPng });
  const decoded = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', qrPng], {
    encoding: 'utf8',
  }).replace(/\n$/, '');
  assert.equal(decoded, env('PARHUB_VIETQR_PAYLOAD'));
  await shot(page, 'web-public-invoice.png');

  step('the receipt of the part payment offers the short survey, answered once and anonymously');
  const receipt = page.locator('.receipts li').first();
  await receipt.waitFor();
  assert.match(await receipt.innerText(), /200\.000 đ/);
  assert.match(await receipt.innerText(), /\(Hai trăm nghìn đồng\)/, 'the amount in words, as the receipt states it');
  assert.doesNotMatch(await page.locator('.family').innerText(), /Phạm Văn Cha/, 'no payer name');
  await receipt.locator('button.link').click();
  const quick = page.locator('form.quick-survey');
  await quick.waitFor();
  const items = quick.locator('.question');
  assert.equal(await items.count(), 3);
  for (let i = 0; i < 3; i++) await items.nth(i).locator('input[type=radio]').last().check();
  await quick.locator('button[type=submit]').click();
  await page.locator('.quick-survey[role=status]').waitFor();
  await shot(page, 'web-public-receipt-survey.png');

  step('a survey is answered by its code');
  await page.goto(url + '#/public/survey');
  await page.fill('input[name=respondentCode]', env('PARHUB_RESPONDENT_CODE'));
  await page.click('form button[type=submit]');
  await page.locator('form.survey').waitFor();
  const questions = page.locator('form.survey .question');
  const count = await questions.count();
  assert.ok(count >= 5, `${count} questions`);
  for (let i = 0; i < count; i++) await questions.nth(i).locator('input[type=radio]').first().check();
  await page.click('form.survey button[type=submit]');
  await page.locator('[role=status] h1').waitFor();

  assert.deepEqual(pageErrors, [], 'no script errors');
  console.log('public pages: all checks passed');
} finally {
  await browser.close();
}
