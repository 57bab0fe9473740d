"""The web editor as an expert group uses it, on this computer only: a Git repository with the shipped
plan, its site (with admin/) served on 127.0.0.1, and `decap-server` (npm, git mode, bound to 127.0.0.1)
working on a dedicated clone of that repository. Used by test_cms_browser.py.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from lip_build.history.stamp import detect
from lip_build.outputs.progress import Progress
from lip_build.outputs.site import build_site
from lip_build.pipeline import load_plan

from .conftest import _QuietHandler
from .sitebuild import REPO, commit, copy_plan, git_environment

DECAP_SERVER = REPO / "scripts" / "cms" / "node_modules" / ".bin" / "decap-server"
BASE = "main"


@dataclass(frozen=True)
class Editor:
    root: Path  # the plan's repository (its main is the base of every change)
    clone: Path  # the dedicated clone decap-server works in (branches cms/<collection>/<slug>)
    base: str  # http://127.0.0.1:PORT/ of the built site
    proxy: str  # http://127.0.0.1:PORT/api/v1 of decap-server
    log: Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True, env=git_environment()
    )
    return done.stdout


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(200):
        if process.poll() is not None:
            raise RuntimeError(f"decap-server beendet: {log.read_text(encoding='utf-8', errors='replace')}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise RuntimeError("decap-server antwortet nicht")


NEW_GOAL_ID = "SOZ-Z07"
NEW_GOAL_PATH = f"handlungsfelder/soziales/ziele/{NEW_GOAL_ID}.md"
NEW_GOAL = f"""---
id: {NEW_GOAL_ID}
titel: Ältere Menschen mit Migrationsgeschichte finden Beratung zur Pflege in ihrer Sprache.
handlungsfeld: SOZ
---
Viele ältere Menschen, die als Arbeitskräfte nach Hannover gekommen sind, kennen die Pflegeberatung
nicht oder finden dort niemanden, der ihre Sprache spricht.
"""


@contextlib.contextmanager
def running_editor(work: Path) -> Iterator[Editor]:
    root = copy_plan(work / "plan")
    (root / ".gitignore").write_text("/site/\n/dist/\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", BASE, str(root)], check=True, env=git_environment())
    commit(root, "Stand vor dem Web-Editor", "2026-11-20T10:00:00+01:00")
    clone = work / "cms-clone"
    subprocess.run(["git", "clone", "-q", str(root), str(clone)], check=True, env=git_environment())
    result = load_plan(root)
    assert result.plan is not None
    build_site(root, result.plan, detect(root, result.plan.info.stand), Progress(quiet=True))
    # A goal accepted after the site was built: the form must offer it all the same (lip-verweis).
    (clone / NEW_GOAL_PATH).write_text(NEW_GOAL, encoding="utf-8")
    commit(clone, "Neues Ziel nach dem letzten Bau", "2026-11-21T10:00:00+01:00")
    proxy_port = free_port()
    proxy = f"http://127.0.0.1:{proxy_port}/api/v1"
    config_path = root / "site" / "admin" / "config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["local_backend"] = {"url": proxy, "allowed_hosts": ["127.0.0.1"]}
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    log = work / "decap-server.log"
    env = {
        **git_environment(),
        "PORT": str(proxy_port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(clone),
        "MODE": "git",
        "LOG_LEVEL": "info",
    }
    with log.open("wb") as out:
        process = subprocess.Popen([str(DECAP_SERVER)], env=env, stdout=out, stderr=subprocess.STDOUT, cwd=clone)
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        _wait_for(proxy_port, process, log)
        yield Editor(root, clone, f"http://127.0.0.1:{server.server_address[1]}/", proxy, log)
    finally:
        server.shutdown()
        server.server_close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def available() -> str | None:
    """Why the editor cannot run here, or None."""
    if shutil.which("node") is None:
        return "Node.js fehlt (für decap-server)"
    if not DECAP_SERVER.exists():
        return "decap-server fehlt (./scripts/cms-bundle.sh installiert es)"
    return None


__all__ = ["Editor", "available", "git", "os", "running_editor"]
