-- Writes through the API, for wrk: every other request submits a progress report on an active
-- measure, the others create a measure (activated) led by one of the units.
-- Expects the environment: BENCH_MEASURES (comma-separated ids of active measures),
-- BENCH_UNITS (lead unit ids), BENCH_OBJECTIVE (an objective id), BENCH_TOKEN (optional bearer token).
local measures, units = {}, {}
for id in string.gmatch(os.getenv("BENCH_MEASURES") or "", "%d+") do measures[#measures + 1] = id end
for id in string.gmatch(os.getenv("BENCH_UNITS") or "", "%d+") do units[#units + 1] = id end
local objective = os.getenv("BENCH_OBJECTIVE") or "1"
local token = os.getenv("BENCH_TOKEN")
local period = os.date("!%Y-%m")
local run = tostring(os.time())
local counter = 0
thread_id = 0 -- set per thread by setup()
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
end

function init(args)
  math.randomseed(os.time() + thread_id * 7919)
end

function request()
  counter = counter + 1
  local headers = { ["Content-Type"] = "application/json" }
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  if counter % 2 == 0 then
    local id = measures[math.random(#measures)]
    local body = string.format(
      '{"period":"%s","percent":%d,"done":"推进会议已召开，形成阶段成果","confidence":"Likely",' ..
      '"explanation":"按计划推进，个别事项需协调","reporter":"负载测试联络员"}', period, math.random(60, 100))
    return wrk.format("POST", "/api/v1/measures/" .. id .. "/reports", headers, body)
  end
  local code = string.format("W%s-%d-%d", run, thread_id, counter)
  local body = string.format(
    '{"code":"%s","title":"负载测试新增改革举措 %s","objectiveId":%s,"leadUnitId":%s,' ..
    '"startOn":"2026-12-01","dueOn":"2027-12-31","tags":["负载测试"],"activate":true}',
    code, code, objective, units[math.random(#units)])
  return wrk.format("POST", "/api/v1/measures", headers, body)
end

