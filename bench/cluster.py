#!/usr/bin/env python3
"""Lazaret's cluster benchmark (issue 11); run it as `bench/cluster`, see bench/README.md.

One private PostgreSQL, the bench's fake upstream, then 1 and 2 Lazaret nodes sharing their
quarantine state in it (`--state postgresql://...`), behind a private haproxy: requests/s, CPU per
request (nodes, haproxy and PostgreSQL apart) and database transactions per 1,000 warm requests.
Everything listens on loopback; every process it starts is stopped by its PID on exit.
"""
import argparse
import json
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, BENCH)
import bench  # noqa: E402  (build, fake upstream, machine info: the same as bench/run)
from lib import load, procs, servers  # noqa: E402

STATE_METRIC = "lazaret_state_queries_total"
HAPROXY_BIN = "/usr/sbin/haproxy"
PG_ROOT = "/usr/lib/postgresql"
DB = "lazaret"
# A backend publishes its transaction counts to pg_stat_database when it goes idle, but at most
# once a second: counts from a backend that published less than a second before wait for its
# idle timeout, 10 s (PGSTAT_IDLE_INTERVAL). Waiting longer than that before each reading makes
# the counts complete.
STATS_SETTLE = 11
# Seconds of load per case on each new node before anything is measured (see compile_paths).
JIT_SECONDS = 6
# No load at all for this long, with 2 nodes: covers one periodic resync of each (every 30 s).
IDLE_SECONDS = 35


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seconds", type=int, default=5, help="seconds per wrk run (default 5)")
    p.add_argument("--warmup", type=int, default=2, help="unmeasured seconds before each case")
    p.add_argument("--conns", default="32", help="connection counts, e.g. 1,32 (default 32)")
    p.add_argument("--no-build", action="store_true", help="reuse the built jar and classes")
    p.add_argument("--embedded", action="store_true",
                   help="nodes without --state (each its own RocksDB): tests the harness only")
    args = p.parse_args()
    args.conns = tuple(int(c) for c in args.conns.split(","))
    return args


step = bench.step


# --- Tools ------------------------------------------------------------------------------------

def pg_bin():
    """The newest PostgreSQL's bin directory in Debian's layout, or None."""
    if not os.path.isdir(PG_ROOT):
        return None
    versions = sorted((v for v in os.listdir(PG_ROOT) if v.isdigit()), key=int)
    bins = [os.path.join(PG_ROOT, v, "bin") for v in versions]
    bins = [b for b in bins if os.access(os.path.join(b, "initdb"), os.X_OK)]
    return bins[-1] if bins else None


def ensure_tools():
    wanted = {"wrk": shutil.which("wrk"), "haproxy": shutil.which("haproxy") or
              (HAPROXY_BIN if os.access(HAPROXY_BIN, os.X_OK) else None),
              "postgresql": pg_bin()}
    missing = [name for name, found in wanted.items() if not found]
    if missing and os.geteuid() == 0:
        step(f"installing {' '.join(missing)} (Debian packages)")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                       check=True, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        return ensure_tools()
    if missing or not shutil.which("taskset"):
        sys.exit(f"missing: {', '.join(missing or ['taskset'])} "
                 "(apt-get install wrk haproxy postgresql util-linux)")
    if os.cpu_count() < 2:
        sys.exit("needs 2 cores: the servers on one, wrk on the other")
    return wanted["haproxy"], wanted["postgresql"]


# --- PostgreSQL -------------------------------------------------------------------------------

class PrivatePostgres:
    """A throw-away cluster in a temp directory, loopback only, like the tests' PrivatePostgres:
    initdb and pg_ctl as the postgres user when run as root (PostgreSQL refuses root)."""

    def __init__(self, bin_dir, log_dir):
        self.bin = bin_dir
        self.dir = tempfile.mkdtemp(prefix="lazaret-bench-pg-")
        self.data = os.path.join(self.dir, "data")
        self.port = procs.free_port()
        # Written by the postgres user, so in its directory; copied to the logs when it stops.
        self.log = os.path.join(self.dir, "server.log")
        self.kept_log = os.path.join(log_dir, "postgres.log")
        self.running = False
        if os.geteuid() == 0:
            os.chown(self.dir, pwd.getpwnam("postgres").pw_uid, pwd.getpwnam("postgres").pw_gid)

    def _run(self, *argv, check=True, cpu=None):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return procs.run(prefix + [os.path.join(self.bin, argv[0]), *argv[1:]],
                         cwd=self.dir, check=check, cpu=cpu)

    def start(self):
        self._run("initdb", "-D", self.data, "-U", "lazaret", "--auth=trust", "--encoding=UTF8",
                  "--locale=C", "--no-sync")
        # As the tests' cluster: loopback, sockets in the private directory, durability off (it
        # lives for one run; it changes nothing warm requests do, which is zero transactions).
        with open(os.path.join(self.data, "postgresql.auto.conf"), "a") as f:
            f.write("\n".join([
                "listen_addresses = '127.0.0.1'", f"port = {self.port}",
                f"unix_socket_directories = '{self.dir}'", "fsync = off",
                "synchronous_commit = off", "full_page_writes = off", "max_connections = 100",
                "shared_buffers = 64MB", "jit = off",
                # Every statement with the node (application name) that sent it, in
                # logs/postgres.log: what the transactions counted below were.
                "log_statement = 'all'", "log_line_prefix = '%m %a: '", ""]))
        # On the servers' core: the server and every backend it forks inherit the pinning.
        self._run("pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", "start",
                  cpu=procs.SERVER_CPU)
        self.running = True
        self.sql("postgres", f"CREATE DATABASE {DB}")

    def pid(self):
        with open(os.path.join(self.data, "postmaster.pid")) as f:
            return int(f.readline())

    def url(self):
        # Trust authentication on loopback: the password is there only because the URL has one.
        return f"postgresql://lazaret:bench@127.0.0.1:{self.port}/{DB}"

    def sql(self, database, query):
        psql = [os.path.join(self.bin, "psql"), "-h", "127.0.0.1", "-p", str(self.port),
                "-U", "lazaret", "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", query]
        return procs.run(psql).stdout.strip()

    def transactions(self):
        """Committed and rolled-back transactions of the lazaret database so far. Read from the
        `postgres` database, so reading them adds none. Backends publish their counts when idle
        (see STATS_SETTLE), so the caller waits before reading."""
        row = self.sql("postgres", "SELECT xact_commit, xact_rollback FROM pg_stat_database "
                                   f"WHERE datname = '{DB}'")
        commit, rollback = (int(x) for x in row.split("|"))
        return commit, rollback

    def stop(self):
        if self.running:
            self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "-t", "60", "stop",
                      check=False)
            self.running = False
        if os.path.exists(self.log):
            shutil.copyfile(self.log, self.kept_log)
        shutil.rmtree(self.dir, ignore_errors=True)


# --- Lazaret nodes and haproxy ----------------------------------------------------------------

class Node:
    """A Lazaret node: registry and admin ports on loopback, its own data directory."""

    def __init__(self, ctx, name, state_url, work):
        self.name = name
        self.port, self.admin_port = procs.free_port(), procs.free_port()
        data = os.path.join(work, f"cluster-{name}")
        shutil.rmtree(data, ignore_errors=True)
        # Through the launcher, as bench/run does: its JVM defaults are part of what is measured.
        java_home = os.path.dirname(os.path.dirname(ctx.java))
        env = dict(os.environ, JAVA_HOME=java_home,
                   LAZARET_CACHE_PACKUMENT_TTL=servers.PACKUMENT_TTL,
                   LAZARET_METRICS_REQUIRE_TOKEN="false", LAZARET_ACCESS_LOG="off")
        argv = [servers.LAUNCHER, "serve", "--listen", f"127.0.0.1:{self.port}",
                "--admin-listen", f"127.0.0.1:{self.admin_port}", "--upstream", ctx.upstream,
                "--data", data]
        if state_url:
            argv += ["--state", state_url, "--node-name", name]
        self.proc = procs.start(argv, ctx.log(f"node-{name}"), cpu=procs.SERVER_CPU, env=env)
        self.base = f"http://127.0.0.1:{self.port}/"
        procs.wait_http(self.base + "-/ready", self.proc)

    @property
    def pid(self):
        return self.proc.pid

    def state_queries(self):
        """The node's lazaret_state_queries_total (summed over labels), or None if absent."""
        _, _, body = servers.fetch(f"http://127.0.0.1:{self.admin_port}/metrics")
        values = [float(m.group(1)) for m in re.finditer(
            rf"^{STATE_METRIC}(?:{{[^}}]*}})? ([0-9.eE+-]+)$", body.decode(), re.MULTILINE)]
        return sum(values) if values else None

    def ready(self):
        _, _, body = servers.fetch(self.base + "-/ready")
        return json.loads(body)


HAPROXY_CFG = """\
# Written by bench/cluster: docker/haproxy.cfg's balancing, on loopback, without logging.
global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout http-request 10s
  timeout http-keep-alive 60s
  timeout client 60s
  timeout server 60s
  timeout check 3s
frontend registry
  bind 127.0.0.1:{port}
  default_backend lazaret
backend lazaret
  balance roundrobin
  option httpchk GET /-/ready
  http-check expect status 200
  retries 2
  option redispatch 1
  retry-on conn-failure empty-response response-timeout
  http-request disable-l7-retry if !METH_GET !METH_HEAD
  default-server check inter 2s fall 2 rise 2 observe layer4 error-limit 1 on-error mark-down
{servers}
"""


def start_haproxy(ctx, binary, nodes, label):
    """haproxy in the foreground (-db), one thread (pinned to the servers' core)."""
    port = procs.free_port()
    cfg = os.path.join(ctx.work, f"haproxy-{label}.cfg")
    with open(cfg, "w") as f:
        f.write(HAPROXY_CFG.format(port=port, servers="\n".join(
            f"  server {n.name} 127.0.0.1:{n.port}" for n in nodes)))
    procs.run([binary, "-c", "-q", "-f", cfg])
    proc = procs.start([binary, "-db", "-f", cfg], ctx.log(f"haproxy-{label}"),
                       cpu=procs.SERVER_CPU)
    base = f"http://127.0.0.1:{port}/"
    procs.wait_http(base + "-/ready", proc)
    # Until every node has passed its first check, round robin covers fewer of them.
    time.sleep(2.5)
    return servers.Server("haproxy", proc, base)


# --- Measuring --------------------------------------------------------------------------------

def cpu(pids):
    return {pid: procs.cpu_seconds(pid) for pid in pids}


def wait_idle(pids):
    for pid in pids:
        procs.wait_idle(pid)


def scrape_cost(nodes):
    """State queries one /metrics scrape makes by itself, per node (the lazaret_holds gauge reads
    the state), so they can be taken off: two scrapes back to back, nothing else in between."""
    first = [n.state_queries() for n in nodes]
    second = [n.state_queries() for n in nodes]
    if None in first + second:
        return None, None
    return second, [b - a for a, b in zip(first, second)]


def run_wrk(target, case, conns, seconds, setup, nodes, haproxy, pg):
    """One wrk run against target, with CPU per process group and database work around it."""
    seen = load.probe(target, case)
    argv = ["wrk", "-t1", f"-c{conns}", f"-d{seconds}s", "--timeout", "30s", "-s", load.LUA]
    for name, value in case.headers.items():
        argv += ["-H", f"{name}: {value}"]
    argv.append(target.base + case.path.lstrip("/"))
    node_pids = [n.pid for n in nodes]
    side_pids = node_pids + ([haproxy.pid] if haproxy else []) + [pg.pid()]
    # The scrapes' own transactions happen before the window; the transactions' window closes
    # before the last scrape.
    queries_before, cost = scrape_cost(nodes)
    wait_idle(side_pids)
    time.sleep(STATS_SETTLE)
    xact_before = pg.transactions()
    cpu_before = cpu(side_pids)
    out = procs.run(argv, cpu=procs.LOAD_CPU).stdout
    cpu_after = cpu(side_pids)
    time.sleep(STATS_SETTLE)
    xact_after = pg.transactions()
    queries_after = [n.state_queries() for n in nodes]
    line = next(l for l in out.splitlines() if l.startswith("BENCH_JSON "))
    raw = json.loads(line[len("BENCH_JSON "):])
    n, secs = raw["requests"], raw["duration_us"] / 1e6

    def per_req_ms(pids):
        spent = sum(cpu_after[p] - cpu_before[p] for p in pids)
        return spent * 1000 / n if n else None

    def per_1k(delta):
        return delta * 1000 / n if n and delta is not None else None

    queries = None
    if queries_before is not None and None not in queries_after:
        # The last scrape counts its own queries once more: take one scrape's cost off.
        queries = sum(a - b - c for a, b, c in zip(queries_after, queries_before, cost))
    xacts = sum(xact_after) - sum(xact_before)
    return {
        "setup": setup, "case": case.name, "conns": conns, "status": seen["status"],
        "size": seen["size"], "requests": n, "rps": n / secs,
        "p50": raw["p50"] / 1000, "p99": raw["p99"] / 1000,
        "cpu_nodes": per_req_ms(node_pids),
        "cpu_haproxy": per_req_ms([haproxy.pid]) if haproxy else None,
        "cpu_pg": per_req_ms([pg.pid()]),
        "xacts": xacts, "xacts_per_1k": per_1k(xacts),
        "queries": queries, "queries_per_1k": per_1k(queries),
        "errors": sum(raw[k] for k in ("connect_err", "read_err", "write_err", "timeout")),
        "non_2xx_3xx": raw["status_err"],
    }


def idle_transactions(pg, seconds):
    """Transactions the nodes make on their own (change feed, resync) over `seconds` idle."""
    time.sleep(STATS_SETTLE)
    before = sum(pg.transactions())
    time.sleep(seconds)
    time.sleep(STATS_SETTLE)
    return sum(pg.transactions()) - before


def compile_paths(node, cases, seconds):
    """Load straight on a new node until the JIT has compiled its paths: with the server sharing
    one core, C2 needs about 10 s of load, and a cold JVM measured the JIT, not the path."""
    for case in cases:
        load.wrk(node, case, 8, seconds)


def warm(targets, cases, rounds=3):
    """Every case's URL a few times through each target, so every node has it cached and its
    verdicts computed (and their hold records written) before anything is measured."""
    for _ in range(rounds):
        for target in targets:
            for case in cases:
                load.probe(target, case)


def measure_setup(setup, target, nodes, haproxy, pg, cases, args, rows):
    for case in cases:
        load.wrk(target, case, 8, args.warmup)  # JIT: compile the path before measuring
    for case in cases:
        for conns in args.conns:
            row = run_wrk(target, case, conns, args.seconds, setup, nodes, haproxy, pg)
            rows.append(row)
            step(f"  {setup:22} {case.name:24} c={conns:<2} {row['rps']:>9,.0f} req/s  "
                 f"nodes {_f(row['cpu_nodes'], 3)} CPU-ms/req  "
                 f"DB xacts/1k {_f(row['xacts_per_1k'], 2)}  "
                 f"state queries/1k {_f(row['queries_per_1k'], 2)}  [{row['status']}]")


# --- Report -----------------------------------------------------------------------------------

def _f(value, digits=0):
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def render(res):
    m = res["machine"]
    rows = ["| setup | test | conns | req/s | p99 ms | CPU-ms/req nodes | CPU-ms/req haproxy "
            "| CPU-ms/req PostgreSQL | DB xacts / 1k req | state queries / 1k req | errors |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in res["rows"]:
        rows.append(
            f"| {r['setup']} | {r['case']} | {r['conns']} | {_f(r['rps'])} | {_f(r['p99'], 2)} "
            f"| {_f(r['cpu_nodes'], 3)} | {_f(r['cpu_haproxy'], 3)} | {_f(r['cpu_pg'], 3)} "
            f"| {_f(r['xacts_per_1k'], 2)} ({r['xacts']:,} in {r['requests']:,}) "
            f"| {_f(r['queries_per_1k'], 2)} | {r['errors'] + r['non_2xx_3xx']} |")
    idle = ", ".join(f"{k}: {v} in {res['idle_seconds']} s" for k, v in res["idle"].items())
    return "\n".join([
        f"# Lazaret cluster benchmark, {m['date']}",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['mem_gib']} GiB, Linux {m['kernel']}. "
        f"Load average before / after: {m['load_before']} / {m['load_after']}.",
        f"Versions: Lazaret {m['commit']}, {m['java']}, {m['postgres']}, {m['haproxy']}, "
        f"{m['wrk']}.",
        f"State: {res['state']}. Nodes, haproxy (one thread) and PostgreSQL on core 0, wrk (one "
        f"thread, no per-response Lua) on core 1; {res['seconds']} s per run after "
        f"{JIT_SECONDS} s of unmeasured load per case on each new node (the JIT) and "
        f"{res['warmup']} s per case before each setup. CPU is utime+stime from /proc/PID/stat over "
        "wrk's window; DB transactions are pg_stat_database.xact_commit + xact_rollback of the "
        f"`{DB}` database over the same window (read {STATS_SETTLE} s after it, so every backend "
        f"has published its counts); state queries are `{STATE_METRIC}` summed over the nodes, "
        "less what the metric scrapes cost themselves (the `lazaret_holds` gauge reads the state).",
        f"Transactions with no load at all (change feed, periodic resync): {idle}.",
        "",
        "\n".join(rows),
        "",
    ])


def machine_info(ctx, haproxy_bin, pg):
    info = bench.machine_info(ctx)
    info["haproxy"] = subprocess.run([haproxy_bin, "-v"], capture_output=True,
                                     text=True).stdout.splitlines()[0].split(" - ")[0]
    info["postgres"] = procs.run([os.path.join(pg.bin, "postgres"), "--version"]).stdout.strip()
    return info


def main():
    args = parse_args()
    work = os.path.join(BENCH, ".work")
    os.makedirs(os.path.join(work, "logs"), exist_ok=True)
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
    ctx = servers.Ctx(work, java, os.path.join(ROOT, "proxy/target/lazaret.jar"))
    began = time.monotonic()
    haproxy_bin, pg_bin_dir = ensure_tools()
    cp_file = bench.build(ctx, argparse.Namespace(no_build=args.no_build))
    pg = PrivatePostgres(pg_bin_dir, os.path.join(work, "logs"))
    started = []
    try:
        step("starting a private PostgreSQL")
        pg.start()
        machine = machine_info(ctx, haproxy_bin, pg)
        upstream, manifest = bench.start_upstream(ctx, argparse.Namespace(quick=True), cp_file)
        started.append(upstream)
        all_cases = {c.name: c for c in load.cases(manifest["targets"])}
        cases = [all_cases["abbrev packument gzip"], all_cases["small tarball 57 KiB"]]
        state = None if args.embedded else pg.url()
        res = {"state": "embedded (each node its own RocksDB; harness test only)"
               if args.embedded else "PostgreSQL, shared", "seconds": args.seconds,
               "warmup": args.warmup, "rows": [], "idle": {}, "idle_seconds": IDLE_SECONDS}

        step("node n1, alone, then behind haproxy")
        n1 = Node(ctx, "n1", state, work)
        started.append(n1.proc)
        warm([n1], cases)
        compile_paths(n1, cases, JIT_SECONDS)
        measure_setup("1 node, direct", n1, [n1], None, pg, cases, args, res["rows"])
        hp1 = start_haproxy(ctx, haproxy_bin, [n1], "1")
        started.append(hp1.proc)
        warm([hp1], cases)
        measure_setup("1 node, haproxy", hp1, [n1], hp1, pg, cases, args, res["rows"])
        procs.stop(hp1.proc)

        step("node n2 joins: 2 nodes behind haproxy")
        n2 = Node(ctx, "n2", state, work)
        started.append(n2.proc)
        warm([n2], cases)
        compile_paths(n2, cases, JIT_SECONDS)
        hp2 = start_haproxy(ctx, haproxy_bin, [n1, n2], "2")
        started.append(hp2.proc)
        warm([hp2], cases)
        measure_setup("2 nodes, haproxy", hp2, [n1, n2], hp2, pg, cases, args, res["rows"])
        res["idle"]["2 nodes"] = idle_transactions(pg, IDLE_SECONDS)
        res["ready"] = {n.name: n.ready() for n in (n1, n2)}
    finally:
        for proc in reversed(started):
            procs.stop(proc)
        pg.stop()

    machine["load_after"] = " ".join(open("/proc/loadavg").read().split()[:3])
    res["machine"] = machine
    text = render(res) + f"\nWhole run: {time.monotonic() - began:.0f} s.\n"
    out_dir = os.path.join(BENCH, "results")
    os.makedirs(out_dir, exist_ok=True)
    for name in ("cluster-latest.md", time.strftime("%Y%m%d-%H%M%S-cluster.md")):
        with open(os.path.join(out_dir, name), "w") as f:
            f.write(text)
    with open(os.path.join(out_dir, "cluster-latest.json"), "w") as f:
        json.dump(res, f, indent=1)
    print("\n" + text)
    print(f"written to {os.path.join(out_dir, 'cluster-latest.md')}")


if __name__ == "__main__":
    main()
