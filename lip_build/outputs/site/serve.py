"""`lip serve`: a live preview of the website on 127.0.0.1.

The preview is built into a temporary folder (site/ stays as it is). When a file of the plan,
templates/ or mkdocs.yml changes, the plan is checked again and the site rebuilt; open pages reload
themselves. A broken edit prints the validator's messages and the preview keeps showing the last
good state, so the preview never crashes while someone types.

A rebuild builds only the pages whose source changed: the new page tree is compared with the one
shown (exact, no dependency graph), and MkDocs builds those pages dirty into a new folder, which
takes every other file of the previous build as a hard link. When the navigation, the settings, the
templates or a linked file changed, the whole site is built, as by `lip build --site`.
"""

from __future__ import annotations

import errno
import functools
import http.server
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lip_build import memo
from lip_build.atomic import atomic_directory
from lip_build.errors import BuildError
from lip_build.history import git
from lip_build.history.stamp import detect
from lip_build.outputs import diagnostic_formats as report
from lip_build.outputs.site.pagetree import NavItem, NavLink, SiteTree
from lip_build.pipeline import load_plan

WATCHED = ("content", "handlungsfelder", "templates", "mkdocs.yml")
# Where Git records which commit is checked out and which tags exist: a commit, checkout or tag changes what
# the pages say about the version (footer, change history) without touching a file of the plan. Not the
# index or the objects: staging changes nothing the site shows, and lip's own Git calls write the index.
GIT_REFS = ((".git", "HEAD"), (".git", "packed-refs"), (".git", "refs"))
VERSION_PATH = "/__lip__/version"
RELOAD_SCRIPT = (
    "<script>(function(){var v=null;function poll(){fetch('" + VERSION_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t})"
    ".catch(function(){}).finally(function(){setTimeout(poll,1000)})}poll()})();</script>"
)


_PLACEHOLDER = (
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Vorschau – lip serve</title></head>'
    "<body><h1>Noch keine Vorschau</h1><p>Der Plan hat Fehler; die Meldungen stehen im Terminal. "
    "Sobald sie behoben sind, erscheint hier die Website.</p></body></html>"
)


def _nav_titles(tree: SiteTree) -> tuple[tuple[str, str], ...]:
    """Titles of the pages in the navigation: every page shows them (navigation, previous/next links)."""
    paths: set[str] = set()
    items: list[NavItem] = list(tree.nav)
    while items:
        item = items.pop()
        if isinstance(item, NavLink):
            paths.add(item.path)
        else:
            items += item.children
            if item.index is not None:
                paths.add(item.index)
    return tuple((page.path, page.title) for page in tree.pages if page.path in paths)


def changed_pages(before: SiteTree | None, after: SiteTree) -> frozenset[str] | None:
    """The paths of the pages whose source differs between two trees; None when more than these pages
    would change (navigation, page titles in it, the list of pages, the footer, the files): a full build."""
    if (
        before is None
        or before.nav != after.nav
        or [p.path for p in before.pages] != [p.path for p in after.pages]
        or (before.version, before.herkunft, before.changes, before.files)
        != (after.version, after.herkunft, after.changes, after.files)
        or _nav_titles(before) != _nav_titles(after)
    ):
        return None
    return frozenset(new.path for old, new in zip(before.pages, after.pages, strict=True) if old != new)


def _inputs(root: Path, tree: SiteTree) -> dict[str, tuple[int, int]]:
    """Size and modification time of what the site is built from besides the page tree: mkdocs.yml,
    templates/ (theme, styles, scripts) and the files that pages link to."""
    paths = [root / "mkdocs.yml", *tree.files.values()]
    templates = root / "templates"
    if templates.is_dir():
        paths += [p for p in templates.rglob("*") if p.is_file()]
    found: dict[str, tuple[int, int]] = {}
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        found[str(path)] = (info.st_size, info.st_mtime_ns)
    return found


class Preview:
    """Builds the preview site and knows which build is current (for the reloading pages)."""

    def __init__(self, root: Path, echo: Callable[[str], None]) -> None:
        self.root = root
        self.echo = echo
        self.work = Path(tempfile.mkdtemp(prefix="lip-serve-"))
        self.site = self.work / "site"
        self.docs = self.work / "docs"
        self.generation = 0
        self.built: SiteTree | None = None  # the tree of the preview shown, its sources are in docs/
        self.inputs: dict[str, tuple[int, int]] = {}
        self.rendered = 0  # pages built by the last rebuild
        self.lock = threading.Lock()
        self.site.mkdir()
        (self.site / "index.html").write_text(_PLACEHOLDER, encoding="utf-8")

    def rebuild(self) -> bool:
        """Check the plan and rebuild the preview; False (with messages printed) when that failed.

        Only the pages whose source changed are built again, unless the navigation, the settings, the
        templates or a linked file changed: then the whole site is built, as by `lip build --site`."""
        from lip_build.outputs.site import site_tree, write_beside_pages
        from lip_build.outputs.site.engine import Dirty, render

        # Git's answers about commits are kept while the refs stay the same; the working tree is read anew
        with self.lock, git.refs_fixed(self.root):
            started = time.perf_counter()
            memo.new_build()
            result = load_plan(self.root)
            if result.plan is None:
                self.echo(report.as_text(result.diagnostics, result.files))
                self.echo("Die Vorschau zeigt weiter den letzten fehlerfreien Stand.")
                return False
            try:
                version = detect(self.root, result.plan.info.stand)
                tree = site_tree(self.root, result.plan, version)
                inputs = _inputs(self.root, tree)
                changed = changed_pages(self.built, tree) if inputs == self.inputs else None
                if changed is not None and not changed:
                    self.echo("Keine Seite hat sich geändert.")
                    return True
                self.built = None  # until this build is complete, the docs folder matches no tree
                if changed is None:
                    shutil.rmtree(self.docs, ignore_errors=True)
                    self.docs.mkdir()
                # Each build goes into a folder of its own, complete before it is served; the previous
                # one is removed in the background (removing ~170 folders takes longer than a rebuild).
                target = self.work / f"site-{self.generation + 1}"
                with atomic_directory(target) as out:
                    dirty = None if changed is None else Dirty(previous=self.site, changed=changed)
                    render(self.root, tree, out, docs=self.docs, dirty=dirty)
                    write_beside_pages(self.root, result.plan, version, out)  # its notes are lip build's to say
            except BuildError as error:
                self.echo(str(error))
                self.echo("Die Vorschau zeigt weiter den letzten fehlerfreien Stand.")
                return False
            previous, self.site = self.site, target
            threading.Thread(target=shutil.rmtree, args=(previous, True), daemon=True).start()
            self.built, self.inputs = tree, inputs
            self.generation += 1
            self.rendered = len(tree.pages) if changed is None else len(changed)
            seconds = time.perf_counter() - started
            if changed is None:
                self.echo(f"Website neu erstellt: {len(tree.pages)} Seiten in {seconds:.1f} s.")
            else:
                self.echo(f"Website aktualisiert: {len(changed)} von {len(tree.pages)} Seiten in {seconds:.1f} s.")
            return True

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


class _Handler(http.server.SimpleHTTPRequestHandler):
    preview: Preview

    def __init__(self, *args: Any, preview: Preview, **kwargs: Any) -> None:
        self.preview = preview
        super().__init__(*args, directory=str(preview.site), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == VERSION_PATH:
            self._send(str(self.preview.generation).encode(), "text/plain; charset=utf-8")
            return
        self.directory = str(self.preview.site)  # the newest complete build
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_text(encoding="utf-8").replace("</body>", RELOAD_SCRIPT + "</body>", 1)
            self._send(html.encode("utf-8"), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def make_server(preview: Preview, port: int) -> http.server.ThreadingHTTPServer:
    """The preview's web server, on 127.0.0.1 only (port 0: any free port)."""
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, preview=preview))


def port_message(port: int, error: OSError) -> str:
    """Why the preview cannot open a port, in German (the system's text stays as detail)."""
    if error.errno == errno.EADDRINUSE:
        reason = f"Port {port} ist schon belegt – läuft „lip serve“ schon in einem anderen Fenster?"
    elif error.errno == errno.EACCES:
        reason = f"Port {port} darf dieses Benutzerkonto nicht öffnen (Ports unter 1024 sind dem System vorbehalten)."
    else:
        reason = f"Die Vorschau kann Port {port} nicht öffnen (Meldung des Systems: {error.strerror or error})."
    return f"{reason} Wählen Sie mit --port einen anderen, z. B. lip serve --port {port + 1 if port < 65535 else 8001}."


class _Watcher:
    """Rebuilds once a burst of file changes has settled (editors write files in several steps)."""

    def __init__(self, preview: Preview, delay: float = 0.3) -> None:
        self.preview = preview
        self.delay = delay
        self.timer: threading.Timer | None = None
        self.guard = threading.Lock()

    def changed(self, path: str) -> None:
        if not self.relevant(path):
            return
        with self.guard:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.delay, self._run)
            self.timer.daemon = True
            self.timer.start()

    def relevant(self, path: str) -> bool:
        """A file of the plan (hidden files such as an editor's backups left out), or Git's record of the commit."""
        parts = Path(path).relative_to(self.preview.root).parts if path.startswith(str(self.preview.root)) else ()
        if any(parts[: len(ref)] == ref for ref in GIT_REFS):
            return not parts[-1].endswith(".lock")  # Git writes a ref as name.lock, then renames it
        return bool(parts) and parts[0] in WATCHED and not any(p.startswith(".") for p in parts)

    def _run(self) -> None:
        self.preview.echo("Änderung erkannt, prüfe den Plan …")
        self.preview.rebuild()


class Running:
    """A started preview: web server, file watcher and builds (see `start`)."""

    def __init__(self, preview: Preview, server: http.server.ThreadingHTTPServer, observer: Any) -> None:
        self.preview, self.server, self.observer = preview, server, observer

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join()
        self.server.server_close()
        self.preview.close()


def start(root: Path, port: int, echo: Callable[[str], None]) -> Running:
    """Build the preview once, open the web server (not yet serving) and start watching the files."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    preview = Preview(root, echo)
    watcher = _Watcher(preview)

    class Events(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type in ("created", "modified", "deleted", "moved"):
                watcher.changed(str(event.src_path))
                if getattr(event, "dest_path", ""):
                    watcher.changed(str(event.dest_path))

    try:  # the port first: a busy port is reported at once, not after building the whole site
        server = make_server(preview, port)
    except OSError as error:
        preview.close()
        raise BuildError(port_message(port, error)) from None
    try:
        preview.rebuild()
    except BaseException:
        server.server_close()
        preview.close()
        raise
    observer = Observer()
    observer.schedule(Events(), str(root), recursive=True)
    observer.start()
    return Running(preview, server, observer)


def serve(root: Path, port: int, echo: Callable[[str], None]) -> None:
    """`lip serve`: serve the preview until Ctrl+C; rebuild on every change."""
    running = start(root, port, echo)
    echo(f"Vorschau: {running.address} (beenden mit Strg+C)")

    def terminate(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt  # clean up the temporary folder also when the process is told to stop

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        running.server.serve_forever()
    except KeyboardInterrupt:
        echo("Vorschau beendet.")
    finally:
        signal.signal(signal.SIGTERM, previous)
        running.stop()
