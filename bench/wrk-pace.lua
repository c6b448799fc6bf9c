-- The latency pass: each connection pauses before every request, so all connections together
-- offer a fixed rate below the server's capacity. wrk starts a request's clock when it writes
-- the request, after the pause, so latencies are the server's, not the pause's.
-- Argument: the pause in milliseconds (fractional; wrk's delay() is whole milliseconds, so
-- each pause is rounded down or up at random, averaging the requested value).
local pause = 0

function init(args)
  pause = tonumber(args[1]) or 0
end

function delay()
  local whole = math.floor(pause)
  if math.random() < pause - whole then
    return whole + 1
  end
  return whole
end
