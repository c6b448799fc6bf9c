"""The load: wrk runs with the server's CPU time around them, and timed `npm ci` installs."""
import json
import os
import re
import shutil
import time
from dataclasses import dataclass, field

from . import procs
from .servers import CORGI, fetch

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# wrk's summary as JSON with p99.9 (bench/cluster uses it; bench/run uses plain wrk).
LUA = os.path.join(BENCH, "wrk-report.lua")
PACE = os.path.join(BENCH, "wrk-pace.lua")  # the latency pass: a fixed offered rate
GZIP = {"Accept-Encoding": "gzip"}


@dataclass
class Case:
    """One load-test URL: a name for the table, the path, and the request headers."""
    name: str
    path: str
    headers: dict = field(default_factory=dict)
    conditional: bool = False  # send If-None-Match with the server's own ETag for this URL
    longer: int = 1  # duration multiplier: 32 clients x 20 MiB need more than a few seconds


def cases(targets):
    """The load tests of the issue, over the manifest's targets."""
    popular, huge = "/" + targets["popular"], "/" + targets["huge"]
    corgi = {"Accept": CORGI}
    full = {"Accept": "application/json"}
    return [
        Case("abbrev packument gzip", popular, {**corgi, **GZIP}),
        Case("abbrev packument identity", popular, corgi),
        Case("full packument gzip", popular, {**full, **GZIP}),
        Case(f"huge full packument gzip ({targets['huge']})", huge, {**full, **GZIP}),
        Case("small tarball 57 KiB", targets["smallTarball"]),
        Case("large tarball 20 MiB", targets["largeTarball"], longer=3),
        Case("404 unknown package", targets["missing"], corgi),
        Case("If-None-Match -> 304 (abbrev gzip)", popular, {**corgi, **GZIP}, conditional=True),
    ]


def probe(server, case):
    """One plain request first: what the server answers (status, size, encoding, ETag)."""
    status, headers, body = fetch(server.base + case.path.lstrip("/"), case.headers)
    return {"status": status, "size": len(body), "encoding": headers.get("Content-Encoding", ""),
            "etag": headers.get("ETag")}


def wrk(server, case, conns, seconds, rate=None):
    """Runs plain wrk (one thread, on the load core; no Lua, so wrk does no per-response work
    beyond parsing) and measures around it: the server's CPU time (/proc/PID/stat), and how
    busy the server core and the load-generator core were (/proc/stat). Waits for the server
    to go idle first; everything is counted over wrk's window only.

    With `rate` (req/s over all connections), each connection waits between requests
    (wrk-pace.lua) so the server is offered a fixed load below its capacity: the latency pass,
    where percentiles show stalls rather than the queue a saturated server builds."""
    headers = dict(case.headers)
    seen = probe(server, case)
    if case.conditional:
        headers["If-None-Match"] = seen["etag"] or '"no-etag-offered"'
        seen = probe(server, Case(case.name, case.path, headers))
    argv = ["wrk", "-t1", f"-c{conns}", f"-d{seconds * case.longer}s", "--timeout", "30s",
            "--latency"]
    if rate:
        argv += ["-s", PACE]
    for name, value in headers.items():
        argv += ["-H", f"{name}: {value}"]
    argv.append(server.base + case.path.lstrip("/"))
    if rate:
        argv += ["--", f"{conns * 1000 / rate:.3f}"]  # each connection's pause, milliseconds
    procs.wait_idle(server.pid)
    ticks_before = procs.cpu_ticks()
    cpu_before = procs.cpu_seconds(server.pid)
    out = procs.run(argv, cpu=procs.LOAD_CPU).stdout
    cpu = procs.cpu_seconds(server.pid) - cpu_before
    ticks_after = procs.cpu_ticks()
    raw = parse_wrk(out)
    n, secs = raw["requests"], raw["seconds"]
    server_busy = procs.busy_share(ticks_before, ticks_after, procs.SERVER_CPU)
    load_busy = procs.busy_share(ticks_before, ticks_after, procs.LOAD_CPU)
    return {
        "case": case.name, "server": server.name, "conns": conns, "paced_rate": rate,
        "status": seen["status"], "size": seen["size"], "encoding": seen["encoding"],
        "requests": n, "rps": n / secs if secs else 0.0, "mibps": raw["bytes"] / secs / 2**20,
        "p50": raw["p50"], "p90": raw["p90"], "p99": raw["p99"], "max": raw["max"],
        "cpu_ms_per_req": cpu * 1000 / n if n else None, "cpu_s": cpu,
        "server_busy": server_busy, "load_busy": load_busy,
        "bound": bound(server_busy, load_busy),
        "errors": raw["errors"], "non_2xx_3xx": raw["non_2xx_3xx"],
    }


SATURATED = 0.9  # the server core's busy share from which a run measures the server


def bound(server_busy, load_busy):
    """What limited a run: "server" when the server core was at least 90% busy (the run
    counts), "load generator" when it was not and wrk's core was, else "round trips" (too few
    requests in flight to keep either core busy, e.g. one connection)."""
    if server_busy is not None and server_busy >= SATURATED:
        return "server"
    if load_busy is not None and load_busy >= SATURATED:
        return "load generator"
    return "round trips"


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}
_UNITS_BYTES = {"B": 1, "KB": 2**10, "MB": 2**20, "GB": 2**30, "TB": 2**40}


def _ms(text):
    number = re.match(r"[\d.]+", text).group(0)
    return float(number) * _UNITS_MS[text[len(number):]]


def parse_wrk(out):
    """wrk's text summary as numbers: requests, seconds, bytes, p50/p90/p99/max latency in ms,
    socket errors and non-2xx/3xx answers. Raises if wrk printed no summary."""
    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m|h), ([\d.]+)([KMGT]?B) read", out)
    if not total:
        raise RuntimeError(f"wrk printed no summary:\n{out}")
    raw = {"requests": int(total.group(1)),
           "seconds": _ms(total.group(2) + total.group(3)) / 1000,
           "bytes": float(total.group(4)) * _UNITS_BYTES[total.group(5)]}
    for pct in (50, 90, 99):
        m = re.search(rf"^\s+{pct}%\s+(\S+)", out, re.M)
        raw[f"p{pct}"] = _ms(m.group(1)) if m else None
    m = re.search(r"^\s+Latency\s+\S+\s+\S+\s+(\S+)", out, re.M)
    raw["max"] = _ms(m.group(1)) if m else None
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    raw["errors"] = sum(int(x) for x in m.groups()) if m else 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    raw["non_2xx_3xx"] = int(m.group(1)) if m else 0
    return raw


def make_lock(ctx, deps, registry):
    """Resolves the fixture app once against `registry`; returns the package-lock text."""
    app = os.path.join(ctx.work, "app-lock")
    shutil.rmtree(app, ignore_errors=True)
    os.makedirs(app)
    _write_app(app, deps)
    procs.run(_npm("install", "--package-lock-only", ctx=ctx, registry=registry,
                   cache=os.path.join(ctx.work, "npm-cache-lock")), ctx.log("npm-lock"), cwd=app)
    with open(os.path.join(app, "package-lock.json")) as f:
        return f.read()


def npm_ci(ctx, deps, lock, lock_registry, registry, label):
    """`npm ci` into an empty folder with an empty cache, every `resolved` URL pointed at
    `registry`; returns the wall-clock seconds."""
    app = os.path.join(ctx.work, "app-ci")
    cache = os.path.join(ctx.work, "npm-cache-ci")
    for folder in (app, cache):
        shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(app)
    _write_app(app, deps)
    with open(os.path.join(app, "package-lock.json"), "w") as f:
        f.write(lock.replace(lock_registry, registry))
    begin = time.monotonic()
    procs.run(_npm("ci", ctx=ctx, registry=registry, cache=cache), ctx.log("npm-ci-" + label),
              cwd=app, cpu=procs.LOAD_CPU)
    seconds = time.monotonic() - begin
    # With a lockfile every key of "packages" but the root is a folder npm must have filled.
    wanted = [key for key in json.loads(lock)["packages"] if key]
    missing = [key for key in wanted if not os.path.exists(os.path.join(app, key, "package.json"))]
    if missing:
        raise RuntimeError(f"npm ci via {label}: {len(missing)} of {len(wanted)} missing")
    return seconds


def _write_app(folder, deps):
    with open(os.path.join(folder, "package.json"), "w") as f:
        json.dump({"name": "bench-app", "version": "1.0.0", "private": True,
                   "dependencies": deps}, f, indent=2)


def _npm(*args, ctx, registry, cache):
    userconfig = os.path.join(ctx.work, "empty.npmrc")  # the machine's npmrc stays out
    open(userconfig, "a").close()
    return ["npm", *args, "--registry", registry, "--cache", cache, "--userconfig", userconfig,
            "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=warn", "--progress=false"]
