"""Processes the benchmark starts: pinned to a core, logged, and always stopped by their PID."""
import atexit
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request

SERVER_CPU = 0  # the server under test owns core 0 ...
LOAD_CPU = 1    # ... and the load generator (wrk, npm, the fake upstream) core 1
CLK_TCK = os.sysconf("SC_CLK_TCK")

_started = []  # every Popen we made, so the exit hook can stop exactly those


def start(argv, log_path, cpu=None, env=None, cwd=None, stdin=subprocess.DEVNULL):
    """Starts argv (under `taskset -c cpu` when cpu is given), output appended to log_path."""
    if cpu is not None:
        argv = ["taskset", "-c", str(cpu)] + list(argv)  # taskset execs: the PID is the server's
    log = open(log_path, "ab")
    proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=stdin,
                            env=env, cwd=cwd, start_new_session=True)
    _started.append(proc)
    return proc


def stop(proc, grace=20):
    """SIGTERM (graceful for Lazaret, nginx and node), then SIGKILL after `grace` seconds."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc in _started:
        _started.remove(proc)


def _stop_all():
    for proc in list(_started):
        stop(proc, grace=5)


def _exit_on_signal(signum, _frame):
    raise SystemExit(128 + signum)


atexit.register(_stop_all)
# SIGTERM becomes SystemExit (SIGINT is KeyboardInterrupt already), so the atexit hook runs.
signal.signal(signal.SIGTERM, _exit_on_signal)


def wait_http(url, proc, timeout=120, interval=0.05):
    """Polls url until it answers 200; fails early if proc died. Returns the seconds waited."""
    begin = time.monotonic()
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args} exited with {proc.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return time.monotonic() - begin
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        if time.monotonic() - begin > timeout:
            raise TimeoutError(f"{url} not ready after {timeout}s")
        time.sleep(interval)


def _tree(pid):
    """pid and all its descendants (nginx's workers are children of its master)."""
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return pids


def cpu_seconds(pid):
    """utime+stime of the process tree, in seconds (fields 14 and 15 of /proc/PID/stat)."""
    total = 0
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # after "pid (comm)": state is fields[0]
        except OSError:
            pass
    return total / CLK_TCK


def wait_idle(pid, busy=0.1, window=0.5, timeout=120):
    """Waits until the process tree uses under `busy` of a core over `window` seconds, so the
    backlog a slow server still chews on after wrk stops is not billed to the next run."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        before = cpu_seconds(pid)
        time.sleep(window)
        if cpu_seconds(pid) - before < busy * window:
            return


def _status_kib(pid, key):
    total = 0
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith(key + ":"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def peak_rss_mib(pid):
    """VmHWM (peak resident set) of the process tree since start or reset_peak_rss, MiB."""
    return _status_kib(pid, "VmHWM") / 1024


def rss_mib(pid):
    """Current VmRSS of the process tree, MiB."""
    return _status_kib(pid, "VmRSS") / 1024


def reset_peak_rss(pid):
    """Writing 5 to clear_refs resets VmHWM, so the peak covers only the load that follows."""
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/clear_refs", "w") as f:
                f.write("5")
        except OSError:
            pass


def cpu_ticks():
    """Per-core (busy, total) jiffies since boot from /proc/stat: busy is everything but idle
    and iowait (user, nice, system, irq, softirq, steal), so a core busy with the loopback's
    network stack on behalf of a server counts as busy."""
    ticks = {}
    with open("/proc/stat") as f:
        for line in f:
            if not (line.startswith("cpu") and line[3].isdigit()):
                continue
            name, *values = line.split()
            # user nice system idle iowait irq softirq steal; guest time is inside user already
            values = [int(v) for v in values[:8]]
            total = sum(values)
            ticks[int(name[3:])] = (total - values[3] - values[4], total)
    return ticks


def busy_share(before, after, cpu):
    """The share (0..1) of the window that core `cpu` was busy, from two cpu_ticks() readings."""
    busy = after[cpu][0] - before[cpu][0]
    total = after[cpu][1] - before[cpu][1]
    return busy / total if total > 0 else None


class RssSampler:
    """Samples VmRSS of the watched server every `interval` seconds on a daemon thread, each
    sample labelled with the server and the bench phase, so the report can show RSS over the
    whole run (peak and per phase), not only around the load tests."""

    def __init__(self, interval=0.5):
        self.interval = interval
        self.samples = []  # [seconds since start, server label, phase, RSS MiB]
        self._began = time.monotonic()
        self._lock = threading.Lock()
        self._pid, self._label, self._phase = None, None, "-"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._thread.start()

    def watch(self, pid, label):
        """Samples this process (the server now under test) from now on."""
        with self._lock:
            self._pid, self._label = pid, label

    def unwatch(self):
        with self._lock:
            self._pid = None

    def phase(self, name):
        """Labels the samples that follow with the bench phase `name`."""
        with self._lock:
            self._phase = name

    def close(self):
        self._stop.set()
        self._thread.join(2)

    def _run(self):
        while not self._stop.wait(self.interval):
            with self._lock:
                pid, label, phase = self._pid, self._label, self._phase
            if pid is None:
                continue
            rss = rss_mib(pid)
            if rss:
                with self._lock:
                    self.samples.append([round(time.monotonic() - self._began, 1), label, phase,
                                         round(rss, 1)])

    def peaks(self, label):
        """{phase: (samples, peak MiB, last MiB)} for one server, in phase order."""
        with self._lock:
            rows = [s for s in self.samples if s[1] == label]
        out = {}
        for _, _, phase, rss in rows:
            n, peak, _ = out.get(phase, (0, 0.0, 0.0))
            out[phase] = (n + 1, max(peak, rss), rss)
        return out


def free_port():
    """A loopback port nobody listens on right now."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(argv, log_path=None, cwd=None, env=None, check=True, cpu=None):
    """Runs a command to completion (output to log_path, or captured); returns the result."""
    if cpu is not None:
        argv = ["taskset", "-c", str(cpu)] + list(argv)
    if log_path:
        with open(log_path, "ab") as log:
            result = subprocess.run(argv, stdout=log, stderr=subprocess.STDOUT, cwd=cwd, env=env)
    else:
        result = subprocess.run(argv, capture_output=True, text=True, cwd=cwd, env=env)
    if check and result.returncode != 0:
        where = f"; see {log_path}" if log_path else f": {result.stderr.strip()[-2000:]}"
        raise RuntimeError(f"{' '.join(map(str, argv))} exited {result.returncode}{where}")
    return result
