"""The load: wrk runs with the server's CPU time around them, and timed `npm ci` installs."""
import json
import os
import shutil
import time
from dataclasses import dataclass, field

from . import procs
from .servers import CORGI, fetch

LUA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "wrk-report.lua")
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


def wrk(server, case, conns, seconds):
    """Runs wrk (one thread, on the load core) and measures the server's CPU around it. Waits
    for the server to go idle first; CPU is counted over wrk's window only."""
    headers = dict(case.headers)
    seen = probe(server, case)
    if case.conditional:
        headers["If-None-Match"] = seen["etag"] or '"no-etag-offered"'
        seen = probe(server, Case(case.name, case.path, headers))
    argv = ["wrk", "-t1", f"-c{conns}", f"-d{seconds * case.longer}s", "--timeout", "30s", "-s", LUA]
    for name, value in headers.items():
        argv += ["-H", f"{name}: {value}"]
    argv.append(server.base + case.path.lstrip("/"))
    procs.wait_idle(server.pid)
    cpu_before = procs.cpu_seconds(server.pid)
    out = procs.run(argv, cpu=procs.LOAD_CPU).stdout
    cpu = procs.cpu_seconds(server.pid) - cpu_before
    line = next(l for l in out.splitlines() if l.startswith("BENCH_JSON "))
    raw = json.loads(line[len("BENCH_JSON "):])
    n, secs = raw["requests"], raw["duration_us"] / 1e6
    errors = sum(raw[k] for k in ("connect_err", "read_err", "write_err", "timeout"))
    return {
        "case": case.name, "server": server.name, "conns": conns,
        "status": seen["status"], "size": seen["size"], "encoding": seen["encoding"],
        "requests": n, "rps": n / secs, "mibps": raw["bytes"] / secs / 2**20,
        "p50": raw["p50"] / 1000, "p99": raw["p99"] / 1000, "p999": raw["p999"] / 1000,
        "cpu_ms_per_req": cpu * 1000 / n if n else None, "cpu_s": cpu,
        "errors": errors, "non_2xx_3xx": raw["status_err"],
    }


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
