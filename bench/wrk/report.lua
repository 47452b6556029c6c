-- wrk script for bench/load.sh.
--   wrk ... -s bench/wrk/report.lua URL                    one URL, static request (fastest for wrk)
--   wrk ... -s bench/wrk/report.lua URL -- IDS_FILE PATTERN  rotate through ids: PATTERN has one %s, e.g. /cases/%s
-- At the end it prints one machine-readable RESULT line (wrk's --latency table has no p95).

local ids, pattern, n = nil, nil, 0

function init(args)
  if #args >= 2 then
    ids, pattern = {}, args[2]
    for line in io.lines(args[1]) do
      if #line > 0 then ids[#ids + 1] = line end
    end
    -- Each thread starts at a different place in the list.
    n = math.random(#ids)
    -- Defined only here so that single-URL runs stay static, with no Lua call per request.
    request = function()
      n = n % #ids + 1
      return wrk.format("GET", string.format(pattern, ids[n]))
    end
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
