// The confirmation-rates page: asks FeedbackSummary.json with the credentials typed in, and draws
// what it answers. Rules kept throughout:
//  - the secret is read from its field when a request is made and held nowhere else (no storage, no
//    URL, no cookie, no console); the form never submits;
//  - every value that comes from the service is written as text (textContent, createTextNode,
//    SVG attributes set one by one), never parsed as markup;
//  - the page has no data of its own: what it shows is what the API answered to these credentials.
'use strict';

(function () {
  const MAX_DAYS = 366;
  const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
  const KEY_SID = /^SK[0-9a-fA-F]{32}$/;
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const SVG = 'http://www.w3.org/2000/svg';
  const DAY_MS = 86400000;
  const PARAMETER_WORDS = {
    StartDate: 'the start date',
    EndDate: 'the end date',
    IncludeSubaccounts: 'the subaccounts choice',
  };

  const $ = (id) => document.getElementById(id);
  const form = $('query');
  const accountField = $('account-sid');
  const keyField = $('key-sid');
  const secretField = $('secret');
  const periodField = $('period');
  const startField = $('start-date');
  const endField = $('end-date');
  const subaccountsField = $('subaccounts');
  let inFlight = null;

  // --- dates (UTC days as YYYY-MM-DD strings) -----------------------------------------------------
  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
  const dayMs = (day) => Date.parse(day + 'T00:00:00Z');
  const todayUtc = () => isoDay(Date.now());

  function period() {
    if (periodField.value !== 'custom') {
      const days = Number(periodField.value);
      const end = todayUtc();
      return { start: isoDay(dayMs(end) - (days - 1) * DAY_MS), end };
    }
    const start = startField.value;
    const end = endField.value;
    if (!DATE.test(start) || !DATE.test(end)) {
      throw new UserError('Choose both dates of the period.');
    }
    if (end < start) {
      throw new UserError('The end date is before the start date.');
    }
    if ((dayMs(end) - dayMs(start)) / DAY_MS + 1 > MAX_DAYS) {
      throw new UserError('The period may span at most ' + MAX_DAYS + ' days.');
    }
    return { start, end };
  }

  function UserError(message) {
    this.message = message;
  }

  // --- the request ----------------------------------------------------------------------------------
  function basic(user, secret) {
    const bytes = new TextEncoder().encode(user + ':' + secret);
    let binary = '';
    bytes.forEach((b) => { binary += String.fromCharCode(b); });
    return 'Basic ' + btoa(binary);
  }

  async function ask() {
    const account = accountField.value.trim();
    const key = keyField.value.trim();
    if (!ACCOUNT_SID.test(account)) {
      throw new UserError('The Account SID is AC followed by 32 hexadecimal digits.');
    }
    if (key !== '' && !KEY_SID.test(key)) {
      throw new UserError('The API key SID is SK followed by 32 hexadecimal digits (or leave it empty).');
    }
    if (secretField.value === '') {
      throw new UserError(key === '' ? 'Enter the account\'s auth token.' : 'Enter the API key\'s secret.');
    }
    const { start, end } = period();
    const query = new URLSearchParams({ StartDate: start, EndDate: end });
    if (subaccountsField.checked) {
      query.set('IncludeSubaccounts', 'true');
    }
    const url = '/2010-04-01/Accounts/' + encodeURIComponent(account) + '/Messages/FeedbackSummary.json?' + query;
    if (inFlight) {
      inFlight.abort();
    }
    inFlight = new AbortController();
    let response;
    try {
      // credentials 'omit': no cookies, and a 401 never opens the browser's own sign-in dialog.
      response = await fetch(url, {
        headers: { Authorization: basic(key === '' ? account : key, secretField.value), Accept: 'application/json' },
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
        signal: inFlight.signal,
      });
    } catch (failure) {
      if (failure && failure.name === 'AbortError') {
        return null;
      }
      throw new UserError('The service could not be reached. Check the network connection and try again.');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (notJson) {
      body = null;
    }
    if (!response.ok) {
      throw new UserError(explain(response, body));
    }
    if (!isSummary(body)) {
      throw new UserError('The service answered with something this page cannot read.');
    }
    return body;
  }

  function explain(response, body) {
    const message = body && typeof body.message === 'string' ? body.message : '';
    const retry = Number.parseInt(response.headers.get('Retry-After') || '', 10);
    const wait = Number.isFinite(retry) && retry > 0 ? ' Try again in ' + retry + ' second' + (retry === 1 ? '' : 's') + '.'
      : ' Try again in a moment.';
    switch (response.status) {
      case 401:
        return 'These credentials were not accepted for this account. Check the Account SID, the API key SID '
          + '(if you use one) and the secret. A subaccount\'s credentials can only see that subaccount.';
      case 400: {
        const named = /parameter '([A-Za-z]+)'/.exec(message);
        const what = named ? (PARAMETER_WORDS[named[1]] || 'the parameter ' + named[1]) : 'the request';
        return 'The service did not accept ' + what + '. It said: ' + message;
      }
      case 404:
        return 'The service knows no such account path. Check the Account SID.';
      case 429:
        return 'Too many requests for this account right now.' + wait;
      case 503:
        return 'The service is briefly unavailable (its database did not answer).' + wait;
      default:
        return 'The service could not answer (HTTP status ' + response.status + ').' + wait;
    }
  }

  const isCount = (n) => Number.isSafeInteger(n) && n >= 0;
  const isRate = (r) => r === null || (typeof r === 'string' && /^[01]\.\d{4}$/.test(r));

  function isSummary(body) {
    return body !== null && typeof body === 'object' && typeof body.account_sid === 'string'
      && DATE.test(body.start_date) && DATE.test(body.end_date) && isCount(body.feedback_count)
      && isCount(body.confirmed_count) && isCount(body.unconfirmed_count) && isRate(body.confirmation_rate)
      && Array.isArray(body.days) && body.days.every((d) => d !== null && typeof d === 'object'
        && DATE.test(d.date) && isCount(d.confirmed_count) && isCount(d.unconfirmed_count) && isRate(d.confirmation_rate));
  }

  // --- rendering ----------------------------------------------------------------------------------
  const percent = (rate) => (rate === null ? 'no feedback' : (Number(rate) * 100).toFixed(2) + ' %');
  const grouping = new Intl.NumberFormat('en-US'); // one formatter: toLocaleString would build one per call
  const count = (n) => grouping.format(n);

  function element(name, text, attributes) {
    const node = document.createElement(name);
    if (text !== undefined) {
      node.appendChild(document.createTextNode(String(text)));
    }
    Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
    return node;
  }

  function svg(name, attributes, parent) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, String(v)));
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  function svgText(parent, text, attributes) {
    svg('text', attributes, parent).appendChild(document.createTextNode(String(text)));
  }

  /** Every UTC day of the window, in order: a day the answer lacks counts as zero, never as a gap. */
  function everyDay(summary) {
    const byDate = new Map(summary.days.map((d) => [d.date, d]));
    const days = [];
    for (let ms = dayMs(summary.start_date); ms <= dayMs(summary.end_date); ms += DAY_MS) {
      const date = isoDay(ms);
      const d = byDate.get(date);
      days.push(d ? { date, confirmed: d.confirmed_count, unconfirmed: d.unconfirmed_count, rate: d.confirmation_rate }
        : { date, confirmed: 0, unconfirmed: 0, rate: null });
    }
    return days;
  }

  function render(summary) {
    const days = everyDay(summary);
    $('result-title').textContent = summary.account_sid + (summary.include_subaccounts ? ' and its subaccounts' : '')
      + ', ' + summary.start_date + ' to ' + summary.end_date + ' (UTC)';

    const totals = $('totals');
    totals.replaceChildren();
    [['Feedback', count(summary.feedback_count), 'total'], ['Confirmed', count(summary.confirmed_count), 'confirmed'],
      ['Unconfirmed', count(summary.unconfirmed_count), 'unconfirmed'],
      ['Confirmation rate', percent(summary.confirmation_rate), 'rate']].forEach(([label, value, key]) => {
      const pair = element('div', undefined, { 'data-total': key });
      pair.append(element('dd', value), element('dt', label));
      totals.appendChild(pair);
    });

    const rows = document.createDocumentFragment();
    days.forEach((d) => {
      const row = element('tr', undefined, { 'data-date': d.date });
      row.append(element('th', d.date, { scope: 'row' }), element('td', count(d.confirmed)), element('td', count(d.unconfirmed)),
        element('td', count(d.confirmed + d.unconfirmed)), element('td', percent(d.rate)));
      rows.appendChild(row);
    });
    $('days').tBodies[0].replaceChildren(rows);
    $('chart').replaceChildren(chart(days, summary));
    $('result').hidden = false;
  }

  /** A stacked bar per day (confirmed below unconfirmed) and the day's rate as a line on the right axis. */
  function chart(days, summary) {
    const width = 960;
    const height = 320;
    const left = 48;
    const right = 48;
    const top = 12;
    const bottom = 40;
    const plotW = width - left - right;
    const plotH = height - top - bottom;
    const highest = Math.max(1, ...days.map((d) => d.confirmed + d.unconfirmed));
    const step = niceStep(highest / 4);
    const ceiling = Math.ceil(highest / step) * step;
    const slot = plotW / days.length;
    const barW = Math.max(1, slot * 0.8);
    const y = (n) => top + plotH - (n / ceiling) * plotH;
    const yRate = (r) => top + plotH - r * plotH;

    const root = svg('svg', {
      viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'data-days': days.length,
      'data-feedback': summary.feedback_count, 'data-confirmed': summary.confirmed_count,
      'data-unconfirmed': summary.unconfirmed_count,
      'aria-label': 'Chart of ' + days.length + ' days: ' + count(summary.confirmed_count) + ' confirmed, '
        + count(summary.unconfirmed_count) + ' unconfirmed, rate ' + percent(summary.confirmation_rate)
        + '. The table below has every day\'s numbers.',
    });
    for (let n = 0; n <= ceiling; n += step) {
      svg('line', { class: 'axis', x1: left, x2: width - right, y1: y(n), y2: y(n) }, root);
      svgText(root, count(n), { x: left - 6, y: y(n) + 4, 'text-anchor': 'end' });
    }
    [0, 0.5, 1].forEach((r) => svgText(root, r * 100 + ' %', { x: width - right + 6, y: yRate(r) + 4 }));

    const labelEvery = Math.ceil(days.length / 8);
    const points = [];
    const segments = [];
    let segment = [];
    days.forEach((d, i) => {
      const x = left + i * slot;
      const group = svg('g', { class: 'day', 'data-date': d.date }, root);
      svg('title', {}, group).appendChild(document.createTextNode(d.date + ': ' + count(d.confirmed) + ' confirmed, '
        + count(d.unconfirmed) + ' unconfirmed, rate ' + percent(d.rate)));
      svg('rect', { class: 'hover', x, y: top, width: slot, height: plotH }, group);
      const xBar = x + (slot - barW) / 2;
      if (d.confirmed > 0) {
        svg('rect', { class: 'bar-confirmed', x: xBar, y: y(d.confirmed), width: barW, height: y(0) - y(d.confirmed) }, group);
      }
      if (d.unconfirmed > 0) {
        const topOf = y(d.confirmed + d.unconfirmed);
        svg('rect', { class: 'bar-unconfirmed', x: xBar, y: topOf, width: barW, height: y(d.confirmed) - topOf }, group);
      }
      if (d.rate !== null) {
        points.push([x + slot / 2, yRate(Number(d.rate))]);
        segment.push(points[points.length - 1]);
      } else if (segment.length > 0) {
        segments.push(segment); // a day without feedback has no rate: the line stops there
        segment = [];
      }
      // Every few days a date, and the last day unless the previous label is too close to it.
      if (i % labelEvery === 0 || (i === days.length - 1 && i % labelEvery >= labelEvery / 2)) {
        svgText(root, d.date.slice(5), { x: x + slot / 2, y: height - bottom + 16, 'text-anchor': 'middle' });
      }
    });
    svg('line', { class: 'axis', x1: left, x2: width - right, y1: y(0), y2: y(0) }, root);
    segments.push(segment);
    segments.filter((s) => s.length > 1).forEach((s) => {
      svg('polyline', { class: 'rate-line', points: s.map((p) => p.join(',')).join(' ') }, root);
    });
    // Dots on every rate when they fit; otherwise only where a day stands alone between gaps.
    const dotted = days.length <= 90 ? points : segments.filter((s) => s.length === 1).map((s) => s[0]);
    dotted.forEach(([cx, cy]) => svg('circle', { class: 'rate-dot', cx, cy, r: 2.5 }, root));
    return root;
  }

  function niceStep(raw) {
    const magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    const fraction = raw / magnitude;
    return Math.max(1, (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude);
  }

  // --- wiring -------------------------------------------------------------------------------------
  function say(status, error) {
    $('status').textContent = status;
    $('error').textContent = error;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say('Asking the service…', '');
    try {
      const summary = await ask();
      if (summary === null) {
        return;
      }
      render(summary);
      say('Shown: ' + summary.days.length + ' days.', '');
    } catch (failure) {
      $('result').hidden = true;
      say('', failure instanceof UserError ? failure.message : 'Something went wrong in this page.');
    }
  });

  periodField.addEventListener('change', () => {
    const custom = periodField.value === 'custom';
    $('custom-dates').hidden = !custom;
    if (custom && !endField.value) {
      endField.value = todayUtc();
      startField.value = isoDay(Date.now() - 29 * DAY_MS);
    }
  });

  $('forget').addEventListener('click', () => {
    secretField.value = '';
    $('result').hidden = true;
    say('The secret is forgotten.', '');
  });
}());
