// The /insights page driven in headless Chromium (ui-test/run.sh starts the service and passes its
// address and the accounts' credentials). Seeds a known month of feedback, then checks what the page
// shows against the API's own answers and the seed, its errors, its headers and where the secret goes.
// Every check prints "ok ..." or fails the run with "FAIL ...".
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run ui-test/run.sh)`);
  return value;
};
const base = env('BASE_URL');
const parent = { sid: env('PARENT_SID'), secret: env('PARENT_TOKEN') };
const key = { sid: env('KEY_SID'), secret: env('KEY_SECRET') };
const child = { sid: env('CHILD_SID'), secret: env('CHILD_TOKEN') };

let failures = 0;
function check(condition, what, detail) {
  if (condition) {
    console.log(`ok ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}${detail === undefined ? '' : `: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`}`);
  }
}

// --- the seed ----------------------------------------------------------------------------------------
const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const today = iso(Date.now());
const daysAgo = (n) => iso(Date.parse(`${today}T00:00:00Z`) - n * DAY);
const sid = (prefix) => prefix + randomBytes(16).toString('hex');
const auth = (who) => `Basic ${Buffer.from(`${who.sid}:${who.secret}`).toString('base64')}`;

// The known month, 29 days back to yesterday, inserted as rows (the API stamps feedback with the
// time it is created, so the past can only be written to the table; its trigger keeps the per-day
// counts the summary reads). Every sixth day of the parent has no feedback at all.
const expected = new Map(); // `${account}|${day}` -> {confirmed, unconfirmed}
const rows = [];
function seedDay(account, day, confirmed, unconfirmed) {
  const counts = expected.get(`${account}|${day}`) || { confirmed: 0, unconfirmed: 0 };
  counts.confirmed += confirmed;
  counts.unconfirmed += unconfirmed;
  expected.set(`${account}|${day}`, counts);
  for (let i = 0; i < confirmed + unconfirmed; i++) {
    const minute = String(i % 60).padStart(2, '0');
    rows.push(`('${account}','${sid('SM')}','${i < confirmed ? 'confirmed' : 'unconfirmed'}',`
      + `'${day}T12:${minute}:00Z','${day}T12:${minute}:00Z')`);
  }
}
for (let n = 1; n <= 29; n++) {
  if (n % 6 !== 0) seedDay(parent.sid, daysAgo(n), (n % 4) + 1, n % 3);
  if (n % 5 === 0) seedDay(child.sid, daysAgo(n), 1, 2);
}
// A year of the subaccount before that, so that a 366-day chart with subaccounts is full.
for (let n = 30; n <= 365; n++) seedDay(child.sid, daysAgo(n), 2 + (n % 3), 1);
execFileSync('psql', ['-h', '127.0.0.1', '-p', env('DB_PORT'), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', 'postgres'], {
  input: `INSERT INTO message_feedback (account_sid, message_sid, outcome, date_created, date_updated) VALUES\n${rows.join(',\n')};\n`,
  env: { ...process.env, PGPASSWORD: 'postgres' },
});

// Today through the API itself: five messages sent (unconfirmed), three of them confirmed after;
// the subaccount one confirmed at once and one unconfirmed.
async function post(who, account, message, outcome) {
  const response = await fetch(`${base}/2010-04-01/Accounts/${account}/Messages/${message}/Feedback.json`, {
    method: 'POST',
    headers: { Authorization: auth(who), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: outcome ? `Outcome=${outcome}` : '',
  });
  if (response.status !== 201) throw new Error(`POST feedback: ${response.status} ${await response.text()}`);
}
const sent = Array.from({ length: 5 }, () => sid('SM'));
for (const message of sent) await post(parent, parent.sid, message);
for (const message of sent.slice(0, 3)) await post(parent, parent.sid, message, 'confirmed');
await post(child, child.sid, sid('SM'), 'confirmed');
await post(child, child.sid, sid('MM'), 'unconfirmed');
const seededToday = today;
expected.set(`${parent.sid}|${today}`, { confirmed: 3, unconfirmed: 2 });
expected.set(`${child.sid}|${today}`, { confirmed: 1, unconfirmed: 1 });
console.log(`seeded ${rows.length} rows over 365 days and 7 feedback requests today (${today})`);

function seeded(accounts, start, end) {
  const days = [];
  for (let ms = Date.parse(`${start}T00:00:00Z`); ms <= Date.parse(`${end}T00:00:00Z`); ms += DAY) {
    const day = iso(ms);
    const sum = { date: day, confirmed: 0, unconfirmed: 0 };
    for (const account of accounts) {
      const counts = expected.get(`${account}|${day}`);
      if (counts) {
        sum.confirmed += counts.confirmed;
        sum.unconfirmed += counts.unconfirmed;
      }
    }
    days.push(sum);
  }
  return days;
}

async function api(who, account, query) {
  const response = await fetch(`${base}/2010-04-01/Accounts/${account}/Messages/FeedbackSummary.json?${query}`, {
    headers: { Authorization: auth(who) },
  });
  return { status: response.status, body: await response.json() };
}

// --- the browser ------------------------------------------------------------------------------------
const profile = mkdtempSync(join(tmpdir(), 'insights-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: env('CHROMIUM'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1200, height: 900 },
  // Far from UTC, so that a page counting local days instead of UTC days would show other dates.
  timezoneId: 'Pacific/Kiritimati',
  locale: 'en-US',
});
const page = context.pages()[0] || await context.newPage();
page.setDefaultTimeout(15000);
const consoleLines = [];
page.on('console', (message) => consoleLines.push(message.text()));
page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));

try {
  // Headers and transfer size of a first visit.
  const transfers = [];
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes();
    transfers.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
  });
  const first = await page.goto(`${base}/insights/`, { waitUntil: 'load' });
  check(first.status() === 200, 'GET /insights/ answers 200', first.status());
  await page.waitForTimeout(300); // the icon's request
  const headers = first.headers();
  const csp = headers['content-security-policy'] || '';
  check(/script-src 'self'(;|$)/.test(csp) && !csp.includes('unsafe') && csp.includes("default-src 'none'"),
    'Content-Security-Policy: scripts from the page\'s origin only, nothing inline', csp);
  check(csp.includes("frame-ancestors 'none'"), 'Content-Security-Policy: frame-ancestors \'none\'', csp);
  check(headers['x-content-type-options'] === 'nosniff', 'X-Content-Type-Options: nosniff', headers['x-content-type-options']);
  check(headers['referrer-policy'] === 'no-referrer', 'Referrer-Policy: no-referrer', headers['referrer-policy']);
  check(headers['cache-control'] === 'no-cache', 'Cache-Control: no-cache', headers['cache-control']);
  check((headers['content-type'] || '').startsWith('text/html'), 'the page is text/html', headers['content-type']);
  for (const file of ['app.js', 'app.css', 'icon.svg']) {
    const response = await fetch(`${base}/insights/${file}`);
    check(response.status === 200 && response.headers.get('x-content-type-options') === 'nosniff'
      && response.headers.get('content-security-policy') === csp, `/insights/${file} has the same headers`,
    [response.status, response.headers.get('content-type')]);
  }
  const bare = await fetch(`${base}/insights`, { redirect: 'manual' });
  check(bare.status === 301 && new URL(bare.headers.get('location'), `${base}/insights`).href === `${base}/insights/`,
    '/insights redirects to /insights/', [bare.status, bare.headers.get('location')]);
  const unknown = await fetch(`${base}/insights/nothing-here.js`);
  check(unknown.status === 404 && (await unknown.json()).code === 20404, 'an unknown file under /insights/ is Twilio\'s JSON 404',
    unknown.status);
  const firstVisit = [...transfers];
  const pageBytes = firstVisit.reduce((sum, t) => sum + t.bytes, 0);
  check(firstVisit.length >= 3 && pageBytes < 100 * 1024, `the page's first visit transfers ${pageBytes} bytes in `
    + `${firstVisit.length} responses (under 100 KB)`, firstVisit);

  async function show({ who, account, period = '30', start, end, subaccounts = false, answered = true }) {
    await page.fill('#account-sid', account);
    await page.fill('#key-sid', who.sid.startsWith('SK') ? who.sid : '');
    await page.fill('#secret', who.secret);
    await page.selectOption('#period', period);
    if (period === 'custom') {
      await page.fill('#start-date', start);
      await page.fill('#end-date', end);
    }
    await page.setChecked('#subaccounts', subaccounts);
    const response = answered ? page.waitForResponse((r) => r.url().includes('/FeedbackSummary.json')) : null;
    await page.press('#secret', 'Enter'); // the form's own submission, as a user's Enter key does
    await page.waitForFunction(() => document.querySelector('#status').textContent !== 'Asking the service…');
    return response;
  }

  const shown = () => page.evaluate(() => ({
    title: document.querySelector('#result-title').textContent,
    hidden: document.querySelector('#result').hidden,
    totals: Object.fromEntries([...document.querySelectorAll('#totals [data-total]')]
      .map((pair) => [pair.dataset.total, pair.querySelector('dd').textContent])),
    rows: [...document.querySelectorAll('#days tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent)),
    chartDays: document.querySelectorAll('#chart svg g.day').length,
    chart: Object.fromEntries(['days', 'feedback', 'confirmed', 'unconfirmed']
      .map((name) => [name, document.querySelector('#chart svg')?.getAttribute(`data-${name}`)])),
    error: document.querySelector('#error').textContent,
  }));
  const number = (n) => n.toLocaleString('en-US');
  const rate = (r) => (r === null ? 'no feedback' : `${(Number(r) * 100).toFixed(2)} %`);
  const dayTitle = (date) => page.evaluate((d) => document.querySelector(`#chart g.day[data-date="${d}"] title`)?.textContent, date);

  function sameAsApi(view, body, what) {
    check(view.totals.total === number(body.feedback_count) && view.totals.confirmed === number(body.confirmed_count)
      && view.totals.unconfirmed === number(body.unconfirmed_count) && view.totals.rate === rate(body.confirmation_rate),
    `${what}: the totals equal the API's`, { page: view.totals, api: body });
    check(view.chart.days === String(body.days.length) && view.chartDays === body.days.length
      && view.chart.confirmed === String(body.confirmed_count) && view.chart.unconfirmed === String(body.unconfirmed_count),
    `${what}: the chart has the API's ${body.days.length} days and totals`, view.chart);
    const rows = body.days.map((d) => [d.date, number(d.confirmed_count), number(d.unconfirmed_count),
      number(d.feedback_count), rate(d.confirmation_rate)]);
    check(JSON.stringify(view.rows) === JSON.stringify(rows), `${what}: every row of the table equals the API's day`,
      view.rows.find((row, i) => JSON.stringify(row) !== JSON.stringify(rows[i])));
  }

  // 1. The known month with the account's auth token (no subaccounts), by two dates.
  const monthStart = daysAgo(29);
  let response = await show({ who: parent, account: parent.sid, period: 'custom', start: monthStart, end: seededToday });
  let view = await shown();
  let truth = await api(parent, parent.sid, `StartDate=${monthStart}&EndDate=${seededToday}`);
  check(response.status() === 200 && truth.status === 200, 'the known month: the API answers 200', response.status());
  sameAsApi(view, truth.body, 'the known month');
  const seed = seeded([parent.sid], monthStart, seededToday);
  const seedConfirmed = seed.reduce((s, d) => s + d.confirmed, 0);
  const seedUnconfirmed = seed.reduce((s, d) => s + d.unconfirmed, 0);
  check(truth.body.confirmed_count === seedConfirmed && truth.body.unconfirmed_count === seedUnconfirmed
    && JSON.stringify(truth.body.days.map((d) => [d.date, d.confirmed_count, d.unconfirmed_count]))
      === JSON.stringify(seed.map((d) => [d.date, d.confirmed, d.unconfirmed])),
  `the known month: the API's days equal the seed (${seedConfirmed} confirmed, ${seedUnconfirmed} unconfirmed)`, truth.body);
  const emptyDay = daysAgo(6);
  const emptyRow = view.rows.find((row) => row[0] === emptyDay);
  check(emptyRow && emptyRow.slice(1).join('|') === '0|0|0|no feedback', `a day without feedback (${emptyDay}) is a row of zeros`,
    emptyRow);
  const oneDay = daysAgo(3); // 3 % 4 + 1 = 4 confirmed, 3 % 3 = 0 unconfirmed
  const apiDay = truth.body.days.find((d) => d.date === oneDay);
  const title = await dayTitle(oneDay);
  check(apiDay && apiDay.confirmed_count === 4 && apiDay.unconfirmed_count === 0
    && title === `${oneDay}: 4 confirmed, 0 unconfirmed, rate ${rate(apiDay.confirmation_rate)}`,
  `one day in the chart (${oneDay}) reads the API's numbers`, { title, apiDay });
  const todayTitle = await dayTitle(seededToday);
  check(todayTitle === `${seededToday}: 3 confirmed, 2 unconfirmed, rate 60.00 %`,
    'today\'s feedback, posted through the API, is in the chart', todayTitle);

  // 2. The parent's API key, with subaccounts, last 30 days (the page's own window).
  response = await show({ who: key, account: parent.sid, period: '30', subaccounts: true });
  view = await shown();
  const asked = new URL(response.url()).searchParams;
  truth = await api(key, parent.sid, asked.toString());
  check(asked.get('IncludeSubaccounts') === 'true' && asked.get('EndDate') === iso(Date.now()),
    'last 30 days ends today in UTC, with subaccounts', asked.toString());
  sameAsApi(view, truth.body, 'an API key, 30 days with subaccounts');
  const withChild = seeded([parent.sid, child.sid], asked.get('StartDate'), asked.get('EndDate'));
  check(truth.body.feedback_count === withChild.reduce((s, d) => s + d.confirmed + d.unconfirmed, 0),
    'with subaccounts the API counts the parent and the subaccount', truth.body.feedback_count);
  await page.setViewportSize({ width: 1200, height: 1180 }); // the form, the totals and the whole chart
  await page.screenshot({ path: env('SCREENSHOT') });
  await page.setViewportSize({ width: 1200, height: 900 });
  console.log(`ok screenshot written to ${env('SCREENSHOT')}`);

  // 3. A wrong secret: the 401 in words.
  response = await show({ who: { sid: parent.sid, secret: 'f'.repeat(32) }, account: parent.sid });
  view = await shown();
  check(response.status() === 401 && view.hidden && view.error.startsWith('These credentials were not accepted'),
    'a wrong secret shows the 401 message and no figures', view.error);
  check(!view.error.includes('{') && !view.error.includes('20003'), 'the error is words, not JSON', view.error);

  // 4. A subaccount's own credentials: its own figures, never its parent's.
  response = await show({ who: child, account: child.sid, period: 'custom', start: monthStart, end: seededToday, subaccounts: true });
  view = await shown();
  truth = await api(child, child.sid, `StartDate=${monthStart}&EndDate=${seededToday}&IncludeSubaccounts=true`);
  sameAsApi(view, truth.body, 'the subaccount on itself');
  response = await show({ who: child, account: parent.sid, period: 'custom', start: monthStart, end: seededToday, subaccounts: true });
  view = await shown();
  truth = await api(child, parent.sid, `StartDate=${monthStart}&EndDate=${seededToday}&IncludeSubaccounts=true`);
  check(truth.status === 401 && response.status() === 401 && view.hidden && view.error.startsWith('These credentials were not accepted'),
    'a subaccount\'s credentials on its parent: the API answers 401 and the page says so', [truth.status, view.error]);

  // 5. A 400 from the service itself (a date the page would not send, put in the request on its way).
  await page.route('**/FeedbackSummary.json?*', (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('StartDate', '2026-02-30');
    return route.continue({ url: url.toString() });
  });
  response = await show({ who: parent, account: parent.sid });
  view = await shown();
  check(response.status() === 400 && view.error.startsWith('The service did not accept the start date. It said: Invalid value '
    + 'for parameter \'StartDate\''), 'a 400 names its parameter in words', view.error);
  await page.unrouteAll();

  // 6. What the service might answer, each put in its way: 429, 503, markup, a network failure.
  const answer = (status, body, headers = {}) => page.route('**/FeedbackSummary.json?*', (route) => route.fulfill({
    status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }));
  await answer(429, { code: 20429, message: 'Too Many Requests', status: 429 }, { 'Retry-After': '7' });
  await show({ who: parent, account: parent.sid });
  view = await shown();
  check(view.error === 'Too many requests for this account right now. Try again in 7 seconds.', '429 in words', view.error);
  await page.unrouteAll();
  await answer(503, { code: 20503, message: 'Service unavailable', status: 503 }, { 'Retry-After': '5' });
  await show({ who: parent, account: parent.sid });
  view = await shown();
  check(view.error.startsWith('The service is briefly unavailable') && view.error.endsWith('Try again in 5 seconds.'),
    '503 in words', view.error);
  await page.unrouteAll();
  const markup = '<img src=x onerror="window.__injected=1"><b>bold</b>';
  await answer(400, { code: 20001, message: `Invalid value for parameter 'EndDate': ${markup}`, status: 400 });
  await show({ who: parent, account: parent.sid });
  view = await shown();
  const injected = await page.evaluate(() => ({
    flag: window.__injected, elements: document.querySelectorAll('#error *, #result img, #result b').length }));
  check(view.error.endsWith(markup) && injected.elements === 0 && injected.flag === undefined,
    'markup in an error message is shown as text', { error: view.error, injected });
  await page.unrouteAll();
  const good = (await api(parent, parent.sid, `StartDate=${seededToday}&EndDate=${seededToday}`)).body;
  await answer(200, { ...good, account_sid: markup, days: good.days.map((d) => ({ ...d })) });
  await show({ who: parent, account: parent.sid, period: 'custom', start: seededToday, end: seededToday });
  view = await shown();
  const injectedToo = await page.evaluate(() => ({
    flag: window.__injected, elements: document.querySelectorAll('#result img, #result b').length }));
  check(view.title.startsWith(markup) && injectedToo.elements === 0 && injectedToo.flag === undefined,
    'markup in a summary value is shown as text', { title: view.title, injectedToo });
  await page.unrouteAll();
  await page.route('**/FeedbackSummary.json?*', (route) => route.abort('connectionrefused'));
  await show({ who: parent, account: parent.sid, answered: false });
  view = await shown();
  check(view.error.startsWith('The service could not be reached'), 'a network failure in words', view.error);
  await page.unrouteAll();

  // 7. 366 days with subaccounts: time to a drawn chart, beside the summary's own latency.
  const end = seededToday;
  const start = daysAgo(365);
  await page.fill('#account-sid', parent.sid);
  await page.fill('#key-sid', '');
  await page.fill('#secret', parent.secret);
  await page.selectOption('#period', 'custom');
  await page.fill('#start-date', start);
  await page.fill('#end-date', end);
  await page.setChecked('#subaccounts', true);
  const timings = [];
  for (let run = 0; run < 5; run++) {
    timings.push(await page.evaluate(async () => {
      performance.clearResourceTimings();
      document.querySelector('#chart').replaceChildren();
      const clicked = performance.now();
      const drawn = new Promise((resolve) => {
        const seen = () => document.querySelector('#chart svg[data-days="366"]');
        new MutationObserver((_, observer) => {
          if (seen()) {
            observer.disconnect();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
          }
        }).observe(document.querySelector('#chart'), { childList: true });
      });
      document.querySelector('#show').click();
      const at = await drawn;
      const call = performance.getEntriesByType('resource').find((e) => e.name.includes('FeedbackSummary.json'));
      return { chart: at - clicked, api: call.responseEnd - call.startTime, bytes: call.transferSize };
    }));
  }
  view = await shown();
  truth = await api(parent, parent.sid, `StartDate=${start}&EndDate=${end}&IncludeSubaccounts=true`);
  sameAsApi(view, truth.body, '366 days with subaccounts');
  const direct = [];
  for (let run = 0; run < 10; run++) {
    const t0 = performance.now();
    await api(parent, parent.sid, `StartDate=${start}&EndDate=${end}&IncludeSubaccounts=true`);
    direct.push(performance.now() - t0);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ms = (v) => `${v.toFixed(1)} ms`;
  console.log(`measured: page first visit ${pageBytes} bytes (${firstVisit.map((t) => `${t.url.split('/').pop() || 'index'} ${t.bytes}`)
    .join(', ')}); 366-day summary JSON ${timings[0].bytes} bytes`);
  console.log(`measured: 366 days with subaccounts, click to drawn chart median ${ms(median(timings.map((t) => t.chart)))} `
    + `(runs: ${timings.map((t) => t.chart.toFixed(0)).join(', ')}); the summary call in the page median `
    + `${ms(median(timings.map((t) => t.api)))}; the summary alone from node median ${ms(median(direct))}`);
  check(median(timings.map((t) => t.chart)) < 2000, 'a 366-day chart is drawn within 2 s of the click');

  // 8. Where the secret went: nowhere but the field.
  const traces = await page.evaluate(() => ({
    url: location.href, local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
  }));
  const databases = await page.evaluate(async () => (indexedDB.databases ? (await indexedDB.databases()).length : 0));
  const secrets = [parent.secret, key.secret, child.secret];
  check(traces.url === `${base}/insights/` && traces.local === 0 && traces.session === 0 && traces.cookie === '' && databases === 0,
    'after use: the URL is the page\'s own, no storage, no cookie, no IndexedDB', traces);
  check(!consoleLines.some((line) => secrets.some((s) => line.includes(s))), 'no secret in the console', consoleLines);
  await page.click('#forget');
  check(await page.inputValue('#secret') === '', '"Forget the secret" empties the field');
  await page.goto(`${base}/insights`);
  check(page.url() === `${base}/insights/` && await page.isVisible('#account-sid'), 'the browser follows /insights to the page',
    page.url());
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

if (failures > 0) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('all checks passed');
