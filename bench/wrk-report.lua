-- wrk's summary as one JSON line (wrk --latency stops at p99; the issue wants p99.9).
-- Latencies in microseconds; status_err counts answers that were not 2xx/3xx.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"p50":%d,"p99":%d,"p999":%d,' ..
    '"max":%d,"connect_err":%d,"read_err":%d,"write_err":%d,"status_err":%d,"timeout":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
