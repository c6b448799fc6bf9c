#!/usr/bin/env python3
"""Lazaret's benchmark (issue 5); run it as `bench/run [--quick]`, see bench/README.md.

Phases: build, fake upstream, lockfile, cold installs, warm Lazaret (load, installs), nginx over
Lazaret's bytes, Verdaccio, start-to-ready, report. Every server runs alone on core 0.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, BENCH)
from lib import load, procs, profile, report, servers  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="small corpus, short runs (~3 min)")
    p.add_argument("--seconds", type=int, help="seconds per wrk run (default 5, quick 2)")
    p.add_argument("--runs", type=int, help="npm ci runs per server (default 3, quick 1)")
    p.add_argument("--servers", default="lazaret,nginx,verdaccio",
                   help="comma list; lazaret is always measured")
    p.add_argument("--no-build", action="store_true", help="reuse the built jar and classes")
    p.add_argument("--conns", default="1,32",
                   help="connections per throughput run, comma list (default 1,32); the latency "
                        "pass uses the largest")
    p.add_argument("--profile", action="store_true",
                   help="JFR-record Lazaret during each load test; hot methods in the report")
    p.add_argument("--quarantine-compare", action="store_true",
                   help="also serve packuments with quarantine filtering on and off")
    args = p.parse_args()
    args.seconds = args.seconds or (2 if args.quick else 5)
    args.runs = args.runs or (1 if args.quick else 3)
    # Unmeasured seconds per case before measuring it. Even --quick needs some: with the server
    # pinned to one core, C2 compiles on that core and takes ~10 s of load to reach full speed,
    # so without warm-up the first cases measured the JIT, not the path (5x slower).
    args.warmup = 1 if args.quick else 2
    args.servers = set(args.servers.split(",")) | {"lazaret"}
    args.conns = tuple(sorted(int(c) for c in args.conns.split(",")))
    return args


# RSS of the server under test, every 0.5 s through the whole run, labelled by phase.
RSS = None
# The latency pass offers this share of the server's own saturated throughput (same case,
# same connections): each server is half loaded, so its percentiles show its stalls (GC, JIT,
# a blocked loop), not the queue that any saturated server builds in a closed loop.
LATENCY_LOAD = 0.5


def watch(server, phase):
    """Samples this server's RSS from now on, under `phase`."""
    if RSS:
        RSS.watch(server.pid, server.name)
        RSS.phase(phase)


def phase(name):
    if RSS:
        RSS.phase(name)


def stop_server(server, res, label=None):
    """Stops a server after recording its whole-life peak RSS (VmHWM, never reset)."""
    peak = procs.peak_rss_mib(server.pid)
    res.setdefault("hwm", {}).setdefault(label or server.name, []).append(round(peak))
    if RSS:
        RSS.unwatch()
    procs.stop(server.proc)


def step(text):
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def build(ctx, args):
    """The jar and the test classes (the fake upstream lives there), plus their classpath."""
    cp_file = os.path.join(ctx.work, "classpath.txt")
    if args.no_build and os.path.exists(ctx.jar) and os.path.exists(cp_file):
        return cp_file
    step("building (mvnw package, test classes, classpath)")
    goals = ["-q", "-DskipTests", "package", "dependency:build-classpath",
             f"-Dmdep.outputFile={cp_file}"]
    mvnw = os.path.join(ROOT, "mvnw")
    try:  # offline first: the dependencies are usually cached already
        procs.run([mvnw, "-o", *goals], ctx.log("build"), cwd=ROOT)
    except RuntimeError:
        procs.run([mvnw, *goals], ctx.log("build"), cwd=ROOT)
    return cp_file


def ensure_tools():
    missing = [t for t in ("wrk", "nginx", "taskset", "node", "npm") if not shutil.which(t)]
    if {"wrk", "nginx"} & set(missing) and os.geteuid() == 0:
        step("installing nginx and wrk (Debian packages)")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx", "wrk"], check=True)
        missing = [t for t in missing if not shutil.which(t)]
    if missing:
        sys.exit(f"missing tools: {', '.join(missing)} (apt-get install nginx wrk util-linux nodejs npm)")
    if os.cpu_count() < 2:
        sys.exit("needs 2 cores: the server on one, the load generator on the other")


def start_upstream(ctx, args, cp_file):
    """The fake upstream floats over both cores (it is busy only in the cold phases)."""
    step("generating the corpus and starting the fake upstream")
    manifest_path = os.path.join(ctx.work, "manifest.json")
    with open(cp_file) as f:
        cp = ":".join([os.path.join(ROOT, "proxy/target/test-classes"),
                       os.path.join(ROOT, "proxy/target/classes"), f.read().strip()])
    if os.path.exists(manifest_path):
        os.remove(manifest_path)
    proc = procs.start([ctx.java, "-Xmx6g", "-cp", cp, "dev.lazaret.proxy.bench.BenchUpstream",
                        "quick" if args.quick else "full", manifest_path],
                       ctx.log("upstream"), stdin=subprocess.PIPE)
    for _ in range(1800):  # generating the full corpus takes ~20 s on two cores
        if os.path.exists(manifest_path) and proc.poll() is None:
            with open(ctx.log("upstream")) as f:
                if "ready " in f.read():
                    break
        if proc.poll() is not None:
            sys.exit(f"fake upstream exited; see {ctx.log('upstream')}")
        time.sleep(0.1)
    with open(manifest_path) as f:
        manifest = json.load(f)
    ctx.upstream = manifest["upstream"]
    return proc, manifest


def machine_info(ctx):
    def out(argv):
        try:
            r = subprocess.run(argv, capture_output=True, text=True, timeout=30)
            return (r.stdout + r.stderr).strip()
        except OSError:
            return "?"
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                if l.startswith("model name")), platform.processor())
    mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    commit = out(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    if out(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"]):
        commit += " (with uncommitted changes)"
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu, "cores": os.cpu_count(), "mem_gib": round(mem / 2**20),
        "kernel": platform.release(), "commit": commit,
        "java": out([ctx.java, "-version"]).splitlines()[0],
        "node": out(["node", "--version"]), "npm": out(["npm", "--version"]),
        "nginx": out(["nginx", "-v"]).replace("nginx version: ", ""),
        "wrk": out(["wrk", "--version"]).split(" [")[0].split(" Copyright")[0],
        "load_before": " ".join(open("/proc/loadavg").read().split()[:3]),
    }


def warm(server, manifest, deps, lock, upstream, ctx, extra_paths=()):
    """One install and two rounds over every load-test URL, so the measured runs hit cache."""
    load.npm_ci(ctx, deps, lock, upstream, server.base, server.name + "-warm")
    for _ in range(2):
        for case in load.cases(manifest["targets"]):
            load.probe(server, case)
    for path in extra_paths:
        servers.fetch(server.base + path.lstrip("/"))


def measure(server, manifest, args, res, ctx, deps, lock):
    """Per case: plain-wrk throughput runs, then a latency pass at the largest connection
    count paced at half the throughput just measured; then the timed installs. Each case gets
    an unmeasured run first: the JIT (Lazaret) and V8 (Verdaccio) compile the path it takes."""
    phase(f"{server.name}: JIT warm-up runs")
    # One pass over every case first, so the paths they share (HTTP codec, routing, views) are
    # compiled before the first measurement rather than during it.
    for case in load.cases(manifest["targets"]) if args.warmup else ():
        load.wrk(server, case, 8, args.warmup)
    for case in load.cases(manifest["targets"]):
        phase(f"load: {case.name}")
        if args.warmup:
            load.wrk(server, case, 8, args.warmup)
        profiling = args.profile and server.name == "lazaret"
        if profiling:
            profile.start(ctx, server.pid)
        for conns in args.conns:
            row = load.wrk(server, case, conns, args.seconds)
            res["wrk"].append(row)
            step(f"  {server.name:9} {case.name:40} c={conns:<2} {row['rps']:>10,.0f} req/s "
                 f"{row['cpu_ms_per_req'] or 0:.4f} CPU-ms/req, cores busy: server "
                 f"{row['server_busy']:.0%} load {row['load_busy']:.0%} [{row['status']}, "
                 f"{row['bound']} bound]")
        if profiling:
            res["profiles"][case.name] = profile.stop(ctx, server.pid, case.name)
        rate = LATENCY_LOAD * row["rps"]
        if rate > 0:
            lat = load.wrk(server, case, row["conns"], args.seconds, rate=rate)
            res["latency"].append(lat)
            step(f"  {server.name:9} {case.name:40} c={lat['conns']:<2} paced {lat['rps']:>8,.0f} "
                 f"req/s: p50 {lat['p50']:.2f} p99 {lat['p99']:.2f} max {lat['max']:.2f} ms")
    times = []
    phase(f"{server.name}: npm ci")
    for i in range(args.runs):
        times.append(load.npm_ci(ctx, deps, lock, ctx.upstream, server.base, f"{server.name}-{i}"))
        step(f"  {server.name:9} npm ci {times[-1]:.2f} s")
    res["npm_ci"][server.name] = times


def quarantine_seen(lazaret, manifest):
    """Whether Lazaret hid the popular package's versions published in the last hours."""
    _, _, body = servers.fetch(lazaret.base + manifest["targets"]["popular"],
                               {"Accept": servers.CORGI})
    versions = json.loads(body)["versions"]
    held = [v for v in manifest["freshVersions"] if v not in versions]
    return (f"holds {len(held)} of the {len(manifest['freshVersions'])} versions published "
            "hours ago" if held else "no versions held (quarantine off or not implemented)")


def cold_installs(ctx, args, res, deps, lock):
    """Empty store each time; everything floats over both cores, as in a real cold install."""
    res["npm_ci"]["cold-lazaret"], res["npm_ci"]["cold-direct"] = [], []
    for i in range(args.runs):
        data = os.path.join(ctx.work, "lazaret-cold")
        shutil.rmtree(data, ignore_errors=True)
        cold = servers.start_lazaret(ctx, data, label="lazaret-cold", cpu=None)
        cold.name = "lazaret-cold"
        watch(cold, f"cold npm ci {i + 1}")
        res["npm_ci"]["cold-lazaret"].append(
            load.npm_ci(ctx, deps, lock, ctx.upstream, cold.base, f"cold-lazaret-{i}"))
        stop_server(cold, res)
        res["npm_ci"]["cold-direct"].append(
            load.npm_ci(ctx, deps, lock, ctx.upstream, ctx.upstream, f"cold-direct-{i}"))
        step(f"  cold npm ci: Lazaret {res['npm_ci']['cold-lazaret'][-1]:.2f} s, "
             f"upstream {res['npm_ci']['cold-direct'][-1]:.2f} s")
    shutil.rmtree(os.path.join(ctx.work, "lazaret-cold"), ignore_errors=True)


def start_to_ready(ctx, data, res):
    """Launch to /-/ping 200 on the warm store, three times (JVM start-up included)."""
    store = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(data) for f in fs)
    seconds = []
    for _ in range(3):
        begin = time.monotonic()
        server = servers.start_lazaret(ctx, data, label="lazaret-ready", cpu=None)
        seconds.append(time.monotonic() - begin)
        stop_server(server, res, "lazaret-ready")
    res["ready"] = {"store_mib": store / 2**20, "seconds": seconds}
    step(f"  start to ready: {', '.join(f'{s:.2f}' for s in seconds)} s, "
         f"store {store / 2**20:,.0f} MiB")


QUARANTINE_TODO = "not measured: run with --quarantine-compare"


def quarantine_compare(ctx, data, manifest, args, res):
    """Packument load with quarantine filtering on, then off (needs servers.QUARANTINE_ENV)."""
    if servers.QUARANTINE_ENV is None:
        res["quarantine"] = {"note": QUARANTINE_TODO}
        return
    rps = {}
    packument_cases = [c for c in load.cases(manifest["targets"]) if "packument" in c.name]
    for value in servers.QUARANTINE_VALUES:
        server = servers.start_lazaret(ctx, data, label=f"lazaret-q-{value}",
                                       extra_env={servers.QUARANTINE_ENV: value})
        for case in packument_cases:
            load.probe(server, case)  # build the filtered view once before measuring
        for case in packument_cases:
            # A fresh JVM each time: compile the path first, or the JIT decides the comparison.
            load.wrk(server, case, 8, max(args.warmup, 2))
        rps[value] = sum(load.wrk(server, c, max(args.conns), args.seconds)["rps"]
                         for c in packument_cases)
        procs.stop(server.proc)
    on, off = (rps[v] for v in servers.QUARANTINE_VALUES)
    res["quarantine"] = {"rps_on": on, "rps_off": off, "slowdown": (off - on) / off}


def main():
    args = parse_args()
    work = os.path.join(BENCH, ".work")
    os.makedirs(os.path.join(work, "logs"), exist_ok=True)
    for old in os.listdir(os.path.join(work, "logs")):
        os.remove(os.path.join(work, "logs", old))
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
    ctx = servers.Ctx(work, java, os.path.join(ROOT, "proxy/target/lazaret.jar"))
    began = time.monotonic()
    ensure_tools()
    machine = machine_info(ctx)
    cp_file = build(ctx, args)
    verdaccio_home = servers.install_verdaccio(ctx) if "verdaccio" in args.servers else None
    upstream, manifest = start_upstream(ctx, args, cp_file)
    deps = manifest["app"]
    res = {"mode": "quick" if args.quick else "full", "seconds": args.seconds,
           "conns": list(args.conns), "wrk": [], "latency": [], "npm_ci": {}, "rss": {},
           "profiles": {}, "latency_load": LATENCY_LOAD}
    global RSS
    RSS = procs.RssSampler()

    step(f"resolving the fixture app ({len(deps)} direct dependencies) into a lockfile")
    lock = load.make_lock(ctx, deps, ctx.upstream)
    n_installed = len(json.loads(lock)["packages"]) - 1
    res["corpus"] = (f"{len(manifest['tarballs'])} packages, "
                     f"{manifest['allTarballBytes'] / 2**20:,.0f} MiB of tarballs; the app "
                     f"installs {n_installed} packages")

    step("starting Lazaret once, so the launcher records its start-up class data (AOT cache)")
    prime = servers.start_lazaret(ctx, os.path.join(work, "lazaret-prime"), label="lazaret-prime",
                                  cpu=None)
    procs.stop(prime.proc)
    shutil.rmtree(os.path.join(work, "lazaret-prime"), ignore_errors=True)

    step("cold installs: empty Lazaret vs straight from the fake upstream")
    cold_installs(ctx, args, res, deps, lock)

    step("Lazaret: warming a fresh store (app, load-test URLs, bulk tarballs)")
    data = os.path.join(work, "lazaret-data")
    shutil.rmtree(data, ignore_errors=True)
    lazaret = servers.start_lazaret(ctx, data)
    watch(lazaret, "lazaret: warming (npm ci, every load-test URL, bulk tarballs)")
    warm(lazaret, manifest, deps, lock, ctx.upstream, ctx, manifest["bulkTarballs"])
    res["quarantine_seen"] = quarantine_seen(lazaret, manifest)
    measure(lazaret, manifest, args, res, ctx, deps, lock)
    if "nginx" in args.servers:
        step("copying Lazaret's answers for nginx")
        t = manifest["targets"]
        tarballs = [p["resolved"].replace(ctx.upstream, "/")
                    for p in json.loads(lock)["packages"].values() if "resolved" in p]
        phase("lazaret: copying its answers for nginx")
        servers.mirror_for_nginx(lazaret, os.path.join(work, "www"),
                                 [t["popular"], t["huge"]],
                                 tarballs + [t["smallTarball"], t["largeTarball"]])
    stop_server(lazaret, res)

    if "nginx" in args.servers:
        step("nginx: the same bytes as static files")
        nginx = servers.start_nginx(ctx, os.path.join(work, "www"))
        watch(nginx, "nginx")
        measure(nginx, manifest, args, res, ctx, deps, lock)
        stop_server(nginx, res)

    if verdaccio_home:
        step("Verdaccio: warming, then the same load")
        verdaccio = servers.start_verdaccio(ctx, verdaccio_home)
        watch(verdaccio, "verdaccio: warming")
        warm(verdaccio, manifest, deps, lock, ctx.upstream, ctx)
        measure(verdaccio, manifest, args, res, ctx, deps, lock)
        stop_server(verdaccio, res)

    step("start to ready on the warm store")
    start_to_ready(ctx, data, res)
    if args.quarantine_compare:
        step("quarantine filtering on vs off")
        quarantine_compare(ctx, data, manifest, args, res)
    else:
        res["quarantine"] = {"note": "run with --quarantine-compare"
                             + ("" if servers.QUARANTINE_ENV else "; " + QUARANTINE_TODO)}
    procs.stop(upstream)

    RSS.close()
    res["rss_samples"] = RSS.samples
    res["rss_phases"] = {label: RSS.peaks(label) for label in dict.fromkeys(s[1] for s in RSS.samples)}
    res["rss"] = {label: round(max(v)) for label, v in res.get("hwm", {}).items()}
    machine["load_after"] = " ".join(open("/proc/loadavg").read().split()[:3])
    machine["busy"] = float(machine["load_before"].split()[0]) > 0.5
    machine["verdaccio"] = servers.VERDACCIO_VERSION if verdaccio_home else "not run"
    res["machine"] = machine
    text = report.render(res) + f"\nWhole run: {time.monotonic() - began:.0f} s.\n"
    out_dir = os.path.join(BENCH, "results")
    os.makedirs(out_dir, exist_ok=True)
    for name in ("latest.md", time.strftime("%Y%m%d-%H%M%S-") + res["mode"] + ".md"):
        with open(os.path.join(out_dir, name), "w") as f:
            f.write(text)
    with open(os.path.join(out_dir, "latest.json"), "w") as f:
        json.dump(res, f, indent=1)
    print("\n" + text)
    print(f"written to {os.path.join(out_dir, 'latest.md')}")


if __name__ == "__main__":
    main()
