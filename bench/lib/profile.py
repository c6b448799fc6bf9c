"""Optional JFR profile of Lazaret, one recording per load test (`bench/run --profile`)."""
import os

from . import procs

TOP = 14  # lines of each view kept in the report


def _tool(ctx, name):
    return os.path.join(os.path.dirname(ctx.java), name)


def start(ctx, pid):
    """Starts a JFR recording with the 'profile' settings (20 ms samples, allocations)."""
    procs.run([_tool(ctx, "jcmd"), str(pid), "JFR.start", "name=bench", "settings=profile"])


def stop(ctx, pid, label):
    """Stops the recording and returns the hot methods and allocation sites as text."""
    path = os.path.join(ctx.work, "jfr", label.replace(" ", "_").replace("/", "_") + ".jfr")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    procs.run([_tool(ctx, "jcmd"), str(pid), "JFR.stop", "name=bench", f"filename={path}"])
    views = []
    for view in ("hot-methods", "allocation-by-site"):
        out = procs.run([_tool(ctx, "jfr"), "view", "--width", "200", view, path],
                        check=False).stdout
        views.append("\n".join(out.strip().splitlines()[:TOP]))
    return "\n\n".join(views)
