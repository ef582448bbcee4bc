"""Open a built report and a JupyterLab session in headless Chromium, and check both.

Usage: python tools/browser_check.py [REPORT_DIR] [--only report|lab] [--notebook NAME]

Drives Debian's Chromium (``/usr/bin/chromium``, or ``$CHROMIUM``) with
Playwright for Python; Playwright's own browser downloads are never used.

1. The report (default ``reports/``): every page is opened from disk, every
   request that is not a local file (or inline data) is blocked and counted as
   a failure; on each page every image must have loaded (non-zero natural
   size), every link must resolve to a file of the report (or an anchor on the
   page), and no console error may appear.
2. JupyterLab, as a newcomer uses it: Lab from this environment
   (``sys.executable -m jupyterlab``) on 127.0.0.1, a free port and a random
   token, in a temporary root holding a COPY of one plotting notebook
   (default ``01_read_article.ipynb``) and of ``seeds/``, so that no tracked
   file can change. The notebook is opened in the Lab page, must not be marked
   modified by opening it, and is run with Lab's menu command Run > Run All
   Cells. Then: every code cell has run, a chart image (an ``<img>`` in an
   output area, non-zero natural size) is in the page, no cell shows an error,
   and Lab's autosave (interval set to a few seconds in a private settings
   folder) writes the notebook with its outputs. The Lab-saved file, after the
   documented guard (the README's ``nbstripout`` command, and the git filter
   when set up), must be byte for byte the tracked notebook; the tracked
   notebooks must be unchanged (``git status --porcelain notebooks/``). Lab is
   shut down through its API, its process group killed, and any kernel it
   left behind is found and ended, also when a check fails.

Prints one line per page / step with its time. Exits 0 when everything
passes, 1 when a check fails, 2 when there is no browser, no Playwright, no
JupyterLab or no report: never a silent pass.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib.util
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
#: The notebook run in Lab: quick, and it draws a chart.
LAB_NOTEBOOK = "01_read_article.ipynb"
#: Lab's autosave interval during the check, in seconds (Lab's default is 120). Not
#: shorter: on a loaded machine a save can take seconds, and an autosave that starts
#: before the previous one has returned makes Lab ask "File Changed" (its own race).
AUTOSAVE_SECONDS = 10
#: Time limits (seconds) of the Lab steps. A first start in a fresh .venv on a busy
#: machine can take a minute; a usual run of the whole check takes about two.
SERVER_TIMEOUT, KERNEL_TIMEOUT, RUN_TIMEOUT, SAVE_TIMEOUT = 120, 90, 150, 45
#: The guard the README documents: cleans a notebook on disk without other diffs.
GUARD_ARGS = ["--extra-keys", "metadata.language_info"]
#: Where a failed Lab check leaves a screenshot of the page.
FAILURE_SHOT = Path(tempfile.gettempdir()) / "karabakh-test-browser-lab.png"


def chromium() -> str | None:
    """The Chromium executable to drive, or ``None``."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


class Clock:
    """Prints one line per step with the seconds it took."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.t = time.monotonic()

    def step(self, what: str, status: str = "ok") -> None:
        now = time.monotonic()
        print(f"  {self.prefix}{what:<52} {now - self.t:6.1f} s  {status}", flush=True)
        self.t = now


# --------------------------------------------------------------------------- the report

def check_page(page: Any, path: Path, root: Path) -> list[str]:
    """Load one page from disk; return the problems found."""
    problems: list[str] = []
    blocked: list[str] = []
    errors: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:", "about:")):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.resolve().as_uri(), wait_until="load")
    images = page.eval_on_selector_all(
        "img", "els => els.map(e => [e.getAttribute('src') ? e.getAttribute('src').slice(0, 40) : '',"
        " e.complete, e.naturalWidth, e.naturalHeight])")
    for src, complete, width, height in images:
        if not complete or width == 0 or height == 0:
            problems.append(f"image not loaded: {src}")
    links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    for href in links:
        url = urlparse(href)
        if url.scheme != "file":
            continue  # an external link is not loaded by opening the page
        target = Path(unquote(url.path))
        if not target.exists():
            problems.append(f"link to a missing file: {target}")
        elif root.resolve() not in target.resolve().parents and target.resolve() != root.resolve():
            problems.append(f"link outside the report: {target}")
    problems += [f"blocked network request: {u}" for u in blocked]
    problems += [f"console error: {e}" for e in errors]
    page.unroute("**/*")
    return problems


def check_report(browser: Any, root: Path) -> int:
    """Check every page of the report; return the number of failing pages."""
    pages = [root / "index.html", *sorted(p for p in root.glob("[0-9][0-9]*.html"))]
    failed = 0
    clock = Clock("report: ")
    for path in pages:
        page = browser.new_page()
        try:
            problems = check_page(page, path, root)
        finally:
            page.close()
        clock.step(path.name, "ok" if not problems else f"{len(problems)} problem(s)")
        for p in problems:
            print(f"      {p}")
        failed += bool(problems)
    print(f"test-browser: report: {len(pages) - failed} of {len(pages)} pages pass", flush=True)
    return failed


# --------------------------------------------------------------------------- JupyterLab

def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every notebook in ``folder``, by name."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.ipynb"))}


def git_status(folder: Path) -> str | None:
    """``git status --porcelain`` of ``folder``, or ``None`` outside a git checkout."""
    try:
        done = subprocess.run(["git", "status", "--porcelain", "--", str(folder)], cwd=ROOT,
                              capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def git_filter() -> str | None:
    """The clean command of the nbstripout git filter, when ``make install`` set it up."""
    try:
        done = subprocess.run(["git", "config", "--get", "filter.nbstripout.clean"], cwd=ROOT,
                              capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout.strip() or None


def pids_mentioning(marker: str) -> list[int]:
    """Processes whose command line contains ``marker`` (our private temporary folder)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if marker in cmdline and int(proc.name) != os.getpid():
            found.append(int(proc.name))
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` is a live process (not a zombie)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def cleanliness_problems(raw: bytes) -> list[str]:
    """The repo's checks of a committed notebook (tests/test_notebooks.py): no outputs,
    no execution counts, canonical nbformat form."""
    import nbformat

    problems = []
    nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            problems.append(f"cell {i} keeps outputs or an execution count")
    if nbformat.writes(nb).encode() + b"\n" != raw:
        problems.append("not in canonical nbformat form")
    return problems


def without_language_info(raw: bytes) -> bytes:
    """A notebook file as nbformat writes it, without ``metadata.language_info``."""
    import nbformat

    nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    nb.metadata.pop("language_info", None)
    return nbformat.writes(nb).encode() + b"\n"


def diff_lines(a: bytes, b: bytes, limit: int = 12) -> list[str]:
    """The first lines of a unified diff between two notebook files."""
    lines = list(difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(),
                                      "tracked", "lab-saved", lineterm="", n=0))
    return lines[:limit]


class Lab:
    """A JupyterLab server on 127.0.0.1 in a private temporary root; always stopped."""

    def __init__(self, notebook: Path) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="karabakh-lab-check-"))
        self.root = self.tmp / "root"
        (self.root / "notebooks").mkdir(parents=True)
        shutil.copytree(ROOT / "seeds", self.root / "seeds")
        self.source = notebook
        self.copy = self.root / "notebooks" / notebook.name
        shutil.copyfile(notebook, self.copy)
        settings = self.tmp / "settings"
        plugin = settings / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings"
        plugin.parent.mkdir(parents=True)
        plugin.write_text(json.dumps({"autosave": True, "autosaveInterval": AUTOSAVE_SECONDS}))
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env.pop("MPLBACKEND", None)  # the kernel draws with Jupyter's inline backend
        env.update(
            JUPYTER_TOKEN=self.token,  # not on the command line, so not in `ps`
            JUPYTER_RUNTIME_DIR=str(self.tmp / "runtime"),  # connection files: found again below
            JUPYTER_CONFIG_DIR=str(self.tmp / "config"),  # no user config changes the check
            JUPYTER_DATA_DIR=str(self.tmp / "data"),  # no user kernelspec: the kernel of this env
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(self.tmp / "workspaces"),
            IPYTHONDIR=str(self.tmp / "ipython"),
        )
        cmd = [sys.executable, "-m", "jupyterlab", "--no-browser",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
               "--ServerApp.port_retries=0", f"--ServerApp.root_dir={self.root}",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--LabApp.news_url=", "--ServerApp.log_level=WARN"]
        if os.geteuid() == 0:
            cmd.append("--allow-root")  # the opt-in `make lab LAB_ARGS=--allow-root` documents
        self.log = self.tmp / "lab.log"
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(cmd, cwd=self.root, env=env, stdout=log,
                                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         start_new_session=True)

    def api(self, path: str, method: str = "GET") -> Any:
        req = urllib.request.Request(f"{self.url}{path}", method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=5) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def wait_ready(self) -> None:
        deadline = time.monotonic() + SERVER_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with status {self.proc.returncode}")
            try:
                self.api("/api/status")
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.5)
        raise RuntimeError(f"JupyterLab did not answer within {SERVER_TIMEOUT} s")

    def log_tail(self, n: int = 15) -> list[str]:
        try:
            return self.log.read_text(errors="replace").splitlines()[-n:]
        except OSError:
            return []

    def stop(self) -> list[str]:
        """Shut Lab down (API, then the process group, then stray kernels); return problems."""
        problems: list[str] = []
        marker = str(self.tmp)
        if self.proc.poll() is None:
            try:
                self.api("/api/shutdown", method="POST")
            except (OSError, urllib.error.URLError):
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                problems.append("JupyterLab did not stop after /api/shutdown; killed")
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.proc.pid, sig)  # anything left in the server's process group
            except ProcessLookupError:
                break
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                continue
        # Kernels run in their own sessions; they exit when their parent dies, but wait
        # for it and end any that stays (found by their connection file in our folder).
        deadline = time.monotonic() + 10
        while (left := [p for p in pids_mentioning(marker) if alive(p)]) and time.monotonic() < deadline:
            time.sleep(0.5)
        for pid in left:
            problems.append(f"process {pid} outlived JupyterLab; killed")
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    break
                time.sleep(1)
        still = [p for p in pids_mentioning(marker) if alive(p)]
        if still:
            problems.append(f"processes still running: {still}")
        shutil.rmtree(self.tmp, ignore_errors=True)
        return problems


PROMPTS_JS = """() => {
  const cells = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')];
  return cells.map(c => {
    const p = c.querySelector('.jp-InputArea-prompt');
    return p ? p.textContent.trim() : '';
  });
}"""
IMAGES_JS = """() => [...document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output img')]
  .map(i => [i.complete, i.naturalWidth, i.naturalHeight])"""
ERRORS_JS = """() => [...document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
  .map(o => o.textContent).filter(t => /Traceback|^\\s*\\w*(Error|Exception)\\b/m.test(t))
  .map(t => t.trim().split('\\n').slice(-1)[0].slice(0, 160))"""
STATUS_JS = """() => {
  const s = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) [data-status]');
  return s ? s.getAttribute('data-status') : null;
}"""
DIALOG_JS = """() => { const d = document.querySelector('.jp-Dialog');
  return d ? d.textContent.replace(/\\s+/g, ' ').trim().slice(0, 200) : null; }"""
DIRTY_JS = """() => !!document.querySelector('.lm-TabBar-tab.jp-mod-current.jp-mod-dirty')"""


def read_notebook_file(path: Path, timeout: float = 10) -> bytes:
    """The bytes of a notebook Lab may be writing right now: Jupyter saves in place
    (after a backup copy), so a read can catch a half-written file; read again."""
    deadline = time.monotonic() + timeout
    while True:
        raw = path.read_bytes()
        try:
            json.loads(raw)
            return raw
        except ValueError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def saved_after_run(path: Path) -> bool:
    """Whether Lab has written the notebook since its cells ran (execution counts on disk)."""
    try:
        nb = json.loads(read_notebook_file(path, timeout=2))
    except (OSError, ValueError):
        return False
    return any(c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code")


def no_dialog(page: Any) -> None:
    """Raise when Lab shows a dialog (a question no newcomer should be asked here)."""
    text = page.evaluate(DIALOG_JS)
    if text:
        raise RuntimeError(f"Lab shows a dialog: {text}")


def run_all_cells(page: Any) -> int:
    """Run > Run All Cells, as a person clicks it; wait until the kernel is done.

    Returns the number of code cells. Done means: some cell has run, none is queued
    or running (``[*]``) and the kernel is idle. A click the page did not take (a
    menu that closed) is tried once more.
    """
    def state() -> tuple[list[str], str | None]:
        return page.evaluate(PROMPTS_JS), page.evaluate(STATUS_JS)

    for _attempt in range(2):
        no_dialog(page)
        page.locator("#jp-MainMenu .lm-MenuBar-item", has_text="Run").first.click()
        item = page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$"))
        item.wait_for(state="visible", timeout=10_000)
        item.click()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            prompts, _ = state()
            if any("*" in p or any(ch.isdigit() for ch in p) for p in prompts):
                break
            page.wait_for_timeout(300)
        else:
            page.keyboard.press("Escape")
            continue
        break
    else:
        raise RuntimeError("Run > Run All Cells did not start any cell (clicked twice)")
    deadline = time.monotonic() + RUN_TIMEOUT
    while time.monotonic() < deadline:
        prompts, status = state()
        if (any(any(ch.isdigit() for ch in p) for p in prompts)
                and not any("*" in p for p in prompts) and status == "idle"):
            return len(prompts)
        no_dialog(page)
        page.wait_for_timeout(500)
    raise RuntimeError(f"cells still running after {RUN_TIMEOUT} s: prompts {prompts}, "
                       f"kernel {status}")


def run_in_lab(browser: Any, lab: Lab, clock: Clock) -> list[str]:
    """Open the copy in Lab, Run All Cells, wait for autosave; return the problems."""
    problems: list[str] = []
    blocked: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith((lab.url + "/", "data:", "blob:", "about:")):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        context.route("**/*", route)
        page = context.new_page()
        rel = lab.copy.relative_to(lab.root).as_posix()
        page.goto(f"{lab.url}/lab/tree/{rel}?token={lab.token}", wait_until="domcontentloaded")
        page.wait_for_selector(".jp-NotebookPanel .jp-CodeCell", timeout=KERNEL_TIMEOUT * 1000)
        page.wait_for_function(f"({STATUS_JS})() === 'idle'", timeout=KERNEL_TIMEOUT * 1000)
        clock.step(f"{lab.copy.name} open, kernel idle")
        page.wait_for_timeout((AUTOSAVE_SECONDS + 2) * 1000)  # an autosave would have run
        # Lab fills metadata.language_info from the kernel on opening (a change it then
        # autosaves); the guard strips that key. Anything else would be a real diff.
        no_dialog(page)
        opened = read_notebook_file(lab.copy)
        tracked = lab.source.read_bytes()
        if opened == tracked and not page.evaluate(DIRTY_JS):
            clock.step("opening changed nothing (not modified, file as tracked)")
        elif without_language_info(opened) == tracked:
            clock.step("opening: Lab added only metadata.language_info", "ok (the guard strips it)")
        else:
            problems.append("opening the notebook in Lab rewrote more than metadata.language_info:")
            problems += [f"  {line}" for line in diff_lines(tracked, opened)]
            clock.step("opening the notebook", "FAILED")

        n_code = run_all_cells(page)
        prompts = page.evaluate(PROMPTS_JS)
        not_run = [i for i, p in enumerate(prompts) if not any(ch.isdigit() for ch in p)]
        errors = page.evaluate(ERRORS_JS)
        problems += [f"cell shows an error: {e}" for e in errors]
        if not_run:
            problems.append(f"code cells not run: {not_run} of {n_code}")
        clock.step(f"Run > Run All Cells: {n_code - len(not_run)} of {n_code} code cells ran",
                   "ok" if not (errors or not_run) else "FAILED")

        try:
            page.wait_for_function(
                f"() => ({IMAGES_JS})().some(([c, w, h]) => c && w > 0 && h > 0)", timeout=20_000)
            images = page.evaluate(IMAGES_JS)
            clock.step(f"chart image in the page ({len(images)} <img> in outputs)")
        except Exception:  # Playwright's TimeoutError
            problems.append("no chart image with a non-zero natural size in the outputs")
            clock.step("chart image in the page", "FAILED")

        deadline = time.monotonic() + SAVE_TIMEOUT
        while time.monotonic() < deadline and not (saved_after_run(lab.copy)
                                                   and not page.evaluate(DIRTY_JS)):
            no_dialog(page)
            page.wait_for_timeout(500)
        if saved_after_run(lab.copy):
            clock.step(f"Lab autosaved the copy with its outputs (interval {AUTOSAVE_SECONDS} s)")
        else:
            problems.append(f"Lab did not autosave the notebook within {SAVE_TIMEOUT} s")
            clock.step("autosave", "FAILED")
        saved = json.loads(read_notebook_file(lab.copy))
        for i, cell in enumerate(saved["cells"]):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    problems.append(f"saved cell {i}: {out.get('ename')}: {out.get('evalue')}"[:200])
        problems += [f"blocked network request from Lab: {u}" for u in blocked]
    except Exception:
        try:
            page.screenshot(path=str(FAILURE_SHOT))
            print(f"      screenshot of the Lab page: {FAILURE_SHOT}")
        except Exception:  # the page may be gone already
            pass
        raise
    finally:
        context.close()
    return problems


def check_guard(lab_saved: bytes, tracked: bytes, name: str, clock: Clock) -> list[str]:
    """The Lab-saved notebook, through the documented guard, is the tracked notebook."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="karabakh-guard-") as tmp:
        copy = Path(tmp) / name
        copy.write_bytes(lab_saved)
        done = subprocess.run([sys.executable, "-m", "nbstripout", *GUARD_ARGS, str(copy)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            problems.append(f"nbstripout failed: {done.stderr.strip()[:200]}")
        else:
            cleaned = copy.read_bytes()
            problems += [f"after nbstripout: {p}" for p in cleanliness_problems(cleaned)]
            if cleaned != tracked:
                problems.append("after nbstripout the notebook differs from the tracked one:")
                problems += [f"  {line}" for line in diff_lines(tracked, cleaned)]
    clock.step(f"nbstripout {' '.join(GUARD_ARGS)}: Lab-saved copy == tracked",
               "ok" if not problems else "FAILED")
    clean = git_filter()
    if clean is None:
        clock.step("git filter nbstripout", "not set up here (linked worktree?): skipped")
        return problems
    done = subprocess.run(clean, shell=True, cwd=ROOT, input=lab_saved, capture_output=True,
                          check=False)
    ok = done.returncode == 0 and done.stdout == tracked and not cleanliness_problems(done.stdout)
    if not ok:
        problems.append(f"the git filter ({clean}) does not store the Lab-saved copy as tracked")
    clock.step("git filter: what `git add` would store == tracked", "ok" if ok else "FAILED")
    return problems


def check_lab(browser: Any, notebook: Path) -> int:
    """Run one notebook in JupyterLab; return 1 when a check failed, else 0."""
    clock = Clock("lab: ")
    tracked_dir = ROOT / "notebooks"
    before, status_before = digests(tracked_dir), git_status(tracked_dir)
    tracked = notebook.read_bytes()
    clock.step("tracked notebooks hashed, git status read")
    problems: list[str] = []
    lab = Lab(notebook)
    lab_saved = b""
    try:
        lab.wait_ready()
        clock.step(f"JupyterLab up at 127.0.0.1:{lab.port} (token, temporary root)")
        problems += run_in_lab(browser, lab, clock)
        lab_saved = read_notebook_file(lab.copy)
    except Exception as exc:  # a timeout or a crash: report it, and still stop Lab
        problems.append(f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
        problems += [f"  lab log: {line}" for line in lab.log_tail()]
        clock.step("JupyterLab session", "FAILED")
    finally:
        stop_problems = lab.stop()
        problems += stop_problems
        clock.step("JupyterLab shut down, no process left",
                   "ok" if not stop_problems else f"{len(stop_problems)} problem(s)")
    if lab_saved:
        problems += check_guard(lab_saved, tracked, notebook.name, clock)
    after, status_after = digests(tracked_dir), git_status(tracked_dir)
    unchanged = after == before and status_after == status_before
    if not unchanged:
        problems.append("the tracked notebooks changed during the check")
    if status_after:
        problems.append(f"git status --porcelain notebooks/ is not clean: {status_after.strip()}")
    clock.step("tracked notebooks unchanged, `git status --porcelain notebooks/` "
               + ("clean" if status_after == "" else "n/a (no git)" if status_after is None else "NOT clean"),
               "ok" if unchanged and not status_after else "FAILED")
    for p in problems:
        print(f"      {p}")
    print(f"test-browser: lab: {'pass' if not problems else 'FAILED'} ({notebook.name})", flush=True)
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("report", nargs="?", default="reports", help="the built report folder")
    parser.add_argument("--only", choices=["report", "lab"], help="run one of the two checks")
    parser.add_argument("--notebook", default=LAB_NOTEBOOK, help="the notebook run in Lab: a name in notebooks/ or a path")
    args = parser.parse_args(argv)
    root = Path(args.report)
    notebook = Path(args.notebook) if Path(args.notebook).is_file() else ROOT / "notebooks" / args.notebook
    start = time.monotonic()
    exe = chromium()
    if exe is None:
        print("test-browser: no Chromium found (/usr/bin/chromium or $CHROMIUM); "
              "install it: apt-get install chromium", file=sys.stderr)
        return 2
    if args.only != "lab" and not (root / "index.html").is_file():
        print(f"test-browser: no report at {root / 'index.html'}; run `make report` first",
              file=sys.stderr)
        return 2
    if args.only != "report":
        if importlib.util.find_spec("jupyterlab") is None:
            print(f"test-browser: JupyterLab is not installed in {sys.prefix} "
                  "(pip install -e '.[dev]', or make install)", file=sys.stderr)
            return 2
        if not notebook.is_file():
            print(f"test-browser: no notebook {notebook}", file=sys.stderr)
            return 2
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("test-browser: playwright is not installed (pip install -e '.[browser]')",
              file=sys.stderr)
        return 2
    failed = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, headless=True,
                                     args=["--no-sandbox", "--allow-file-access-from-files"])
        try:
            if args.only != "lab":
                failed += bool(check_report(browser, root))
            if args.only != "report":
                failed += check_lab(browser, notebook)
        finally:
            browser.close()
    print(f"test-browser: {'all checks pass' if not failed else 'FAILED'} "
          f"in {time.monotonic() - start:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
