-- wrk script: Create Message Feedback with Basic auth, as a Twilio client sends it.
--   BENCH_ACCOUNT_SID    the account in the path
--   BENCH_AUTHORIZATION  the full Authorization header value ("Basic ...")
--   BENCH_MODE           "new" (a fresh message SID per request), "repeated" (100 messages, cycled), or
--                        "floor": an authenticated POST without a body to an unknown path of the account
--                        (authentication and Twilio's 404, no database), what any answer costs
local account = os.getenv("BENCH_ACCOUNT_SID")
local authorization = os.getenv("BENCH_AUTHORIZATION")
local mode = os.getenv("BENCH_MODE") or "new"
local headers = {
  ["Authorization"] = authorization,
  ["Content-Type"] = "application/x-www-form-urlencoded",
}
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("thread_id", thread_id)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919 + math.floor(os.clock() * 1000000))
end

local function random_hex32()
  local parts = {}
  for i = 1, 8 do
    parts[i] = string.format("%04x", math.random(0, 65535))
  end
  return table.concat(parts)
end

local floor_headers = { ["Authorization"] = authorization }

request = function()
  if mode == "floor" then
    return wrk.format("POST", "/2010-04-01/Accounts/" .. account .. "/Unknown.json", floor_headers)
  end
  local message
  if mode == "repeated" then
    counter = counter + 1
    message = string.format("SM%032d", counter % 100)
  else
    message = "SM" .. random_hex32()
  end
  return wrk.format("POST", "/2010-04-01/Accounts/" .. account .. "/Messages/" .. message .. "/Feedback.json",
    headers, "Outcome=confirmed")
end
