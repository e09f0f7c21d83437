// The official Twilio Node SDK, unchanged but for its base URL, against a running Message Feedback
// service. Prints "N passed, N failed" and exits non-zero when anything failed.
//
//   FEEDBACK_BASE_URL     the service, e.g. http://localhost:8080
//   FEEDBACK_ACCOUNT_SID  an active account (the demo account of the local runner will do)
//   FEEDBACK_AUTH_TOKEN   its auth token
//   FEEDBACK_API_KEY_SID, FEEDBACK_API_KEY_SECRET   optional: an API key of that account
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import twilio from "twilio";

const baseUrl = process.env.FEEDBACK_BASE_URL ?? "http://localhost:8080";
const accountSid = required("FEEDBACK_ACCOUNT_SID");
const authToken = required("FEEDBACK_AUTH_TOKEN");

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

function clientFor(username, password, options = {}) {
  const client = twilio(username, password, options);
  client.api.baseUrl = baseUrl; // the only change: where the SDK sends its requests
  return client;
}

const sid = (prefix) => prefix + randomBytes(16).toString("hex");
const RFC_2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/;

function assertFeedback(feedback, account, message, outcome) {
  assert.equal(feedback.accountSid, account);
  assert.equal(feedback.messageSid, message);
  assert.equal(feedback.outcome, outcome);
  assert.equal(feedback.uri, `/2010-04-01/Accounts/${account}/Messages/${message}/Feedback.json`);
  for (const date of [feedback.dateCreated, feedback.dateUpdated]) {
    assert.ok(date instanceof Date && !Number.isNaN(date.getTime()), `a parsed date, not ${date}`);
    assert.ok(Math.abs(Date.now() - date.getTime()) < 5 * 60 * 1000, `a date close to now, not ${date}`);
  }
}

async function assertRestError(promise, status, code) {
  await assert.rejects(promise, (error) => {
    assert.equal(error.status, status);
    assert.equal(error.code, code);
    assert.equal(error.moreInfo, `https://www.twilio.com/docs/errors/${code}`);
    return true;
  });
}

const client = clientFor(accountSid, authToken);
const cases = [
  ["create confirmed with the account SID", async () => {
    const message = sid("SM");
    const feedback = await client.api.v2010.accounts(accountSid).messages(message).feedback.create({ outcome: "confirmed" });
    assertFeedback(feedback, accountSid, message, "confirmed");
    assert.equal(feedback.dateCreated.getTime(), feedback.dateUpdated.getTime());
  }],
  ["create on the client's own account, unconfirmed then confirmed", async () => {
    const message = sid("MM");
    assertFeedback(await client.messages(message).feedback.create({ outcome: "unconfirmed" }), accountSid, message, "unconfirmed");
    assertFeedback(await client.messages(message).feedback.create({ outcome: "confirmed" }), accountSid, message, "confirmed");
  }],
  ["create without an outcome is unconfirmed", async () => {
    const message = sid("SM");
    assertFeedback(await client.messages(message).feedback.create(), accountSid, message, "unconfirmed");
  }],
  ["a confirmation is never withdrawn", async () => {
    const message = sid("SM");
    const first = await client.messages(message).feedback.create({ outcome: "confirmed" });
    const again = await client.messages(message).feedback.create({ outcome: "unconfirmed" });
    assertFeedback(again, accountSid, message, "confirmed");
    assert.equal(again.dateUpdated.getTime(), first.dateUpdated.getTime());
  }],
  ["the raw answer is Twilio's JSON", async () => {
    const message = sid("SM");
    const response = await client.request({
      method: "post",
      uri: `${baseUrl}/2010-04-01/Accounts/${accountSid}/Messages/${message}/Feedback.json`,
      data: { Outcome: "confirmed" },
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    assert.equal(response.statusCode, 201);
    const body = typeof response.body === "string" ? JSON.parse(response.body) : response.body;
    assert.deepEqual(Object.keys(body), ["account_sid", "date_created", "date_updated", "message_sid", "outcome", "uri"]);
    assert.match(body.date_created, RFC_2822);
    assert.match(body.date_updated, RFC_2822);
  }],
  ["wrong credentials are 401 / 20003", async () => {
    const wrong = clientFor(accountSid, "0".repeat(32));
    await assertRestError(wrong.messages(sid("SM")).feedback.create({ outcome: "confirmed" }), 401, 20003);
  }],
  ["a malformed message SID is 404 / 20404", async () => {
    await assertRestError(client.messages("SMnot-a-sid").feedback.create({ outcome: "confirmed" }), 404, 20404);
  }],
  ["a bad outcome is 400 / 20001", async () => {
    await assertRestError(client.messages(sid("SM")).feedback.create({ outcome: "maybe" }), 400, 20001);
  }],
];
if (process.env.FEEDBACK_API_KEY_SID) {
  cases.push(["create with API key authentication", async () => {
    const keyClient = clientFor(process.env.FEEDBACK_API_KEY_SID, process.env.FEEDBACK_API_KEY_SECRET, { accountSid });
    const message = sid("SM");
    assertFeedback(await keyClient.messages(message).feedback.create({ outcome: "confirmed" }), accountSid, message, "confirmed");
  }]);
}

let passed = 0;
let failed = 0;
for (const [name, run] of cases) {
  try {
    await run();
    passed++;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed++;
    console.log(`not ok - ${name}: ${error.message}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
