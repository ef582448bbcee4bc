"""Open every page of a built report in headless Chromium, offline, and check it.

Usage: python tools/browser_check.py [REPORT_DIR]    (default: reports)

Drives Debian's Chromium (``/usr/bin/chromium``, or ``$CHROMIUM``) with
Playwright for Python; Playwright's own browser downloads are never used.
Every request that is not a local file (or inline data) is blocked and
counted as a failure. On each page it asserts that every image has loaded
(non-zero natural size), every link resolves to a file of the report (or an
anchor on the page), and no console error appeared. Exits 0 when all pages
pass, 1 when a check fails, 2 when there is no browser or no report: never
a silent pass.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse


def chromium() -> str | None:
    """The Chromium executable to drive, or ``None``."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def check_page(page: object, path: Path, root: Path) -> list[str]:
    """Load one page from disk; return the problems found."""
    problems: list[str] = []
    blocked: list[str] = []
    errors: list[str] = []

    def route(r: object) -> None:
        url = r.request.url  # type: ignore[attr-defined]
        if url.startswith(("file:", "data:", "about:")):
            r.continue_()  # type: ignore[attr-defined]
        else:
            blocked.append(url)
            r.abort()  # type: ignore[attr-defined]

    page.route("**/*", route)  # type: ignore[attr-defined]
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: errors.append(str(e)))  # type: ignore[attr-defined]
    page.goto(path.resolve().as_uri(), wait_until="load")  # type: ignore[attr-defined]
    images = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "img", "els => els.map(e => [e.getAttribute('src') ? e.getAttribute('src').slice(0, 40) : '',"
        " e.complete, e.naturalWidth, e.naturalHeight])")
    for src, complete, width, height in images:
        if not complete or width == 0 or height == 0:
            problems.append(f"image not loaded: {src}")
    links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")  # type: ignore[attr-defined]
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
    page.unroute("**/*")  # type: ignore[attr-defined]
    return problems


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "reports")
    exe = chromium()
    if exe is None:
        print("test-browser: no Chromium found (/usr/bin/chromium or $CHROMIUM); "
              "install it: apt-get install chromium", file=sys.stderr)
        return 2
    index = root / "index.html"
    if not index.is_file():
        print(f"test-browser: no report at {index}; run `make report` first", file=sys.stderr)
        return 2
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("test-browser: playwright is not installed (pip install -e '.[browser]')",
              file=sys.stderr)
        return 2
    pages = [index, *sorted(p for p in root.glob("[0-9][0-9]*.html"))]
    failed = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, headless=True,
                                     args=["--no-sandbox", "--allow-file-access-from-files"])
        for path in pages:
            page = browser.new_page()
            problems = check_page(page, path, root)
            page.close()
            print(f"  {path.name:<32} {'ok' if not problems else f'{len(problems)} problem(s)'}")
            for p in problems:
                print(f"      {p}")
            failed += bool(problems)
        browser.close()
    print(f"test-browser: {len(pages) - failed} of {len(pages)} pages pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
