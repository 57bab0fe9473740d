"""`lip serve`: a live preview of the website on 127.0.0.1.

The preview is built into a temporary folder (site/ stays as it is). When a file of the plan,
templates/ or mkdocs.yml changes, the plan is checked again and the site rebuilt; open pages reload
themselves. A broken edit prints the validator's messages and the preview keeps showing the last
good state, so the preview never crashes while someone types.
"""

from __future__ import annotations

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

from lip_build.atomic import atomic_directory
from lip_build.errors import BuildError
from lip_build.history.stamp import detect
from lip_build.outputs import diagnostic_formats as report
from lip_build.pipeline import load_plan

WATCHED = ("content", "handlungsfelder", "templates", "mkdocs.yml")
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


class Preview:
    """Builds the preview site and knows which build is current (for the reloading pages)."""

    def __init__(self, root: Path, echo: Callable[[str], None]) -> None:
        self.root = root
        self.echo = echo
        self.work = Path(tempfile.mkdtemp(prefix="lip-serve-"))
        self.site = self.work / "site"
        self.docs = self.work / "docs"
        self.generation = 0
        self.lock = threading.Lock()
        self.site.mkdir()
        (self.site / "index.html").write_text(_PLACEHOLDER, encoding="utf-8")

    def rebuild(self) -> bool:
        """Check the plan and rebuild the preview; False (with messages printed) when that failed."""
        from lip_build.outputs.site import site_tree
        from lip_build.outputs.site.engine import render

        with self.lock:
            started = time.perf_counter()
            result = load_plan(self.root)
            if result.plan is None:
                self.echo(report.as_text(result.diagnostics, result.files))
                self.echo("Die Vorschau zeigt weiter den letzten fehlerfreien Stand.")
                return False
            try:
                tree = site_tree(self.root, result.plan, detect(self.root, result.plan.info.stand))
                shutil.rmtree(self.docs, ignore_errors=True)
                self.docs.mkdir()
                with atomic_directory(self.site) as out:
                    render(self.root, tree, out, docs=self.docs)
            except BuildError as error:
                self.echo(str(error))
                self.echo("Die Vorschau zeigt weiter den letzten fehlerfreien Stand.")
                return False
            self.generation += 1
            self.echo(f"Website neu erstellt: {len(tree.pages)} Seiten in {time.perf_counter() - started:.1f} s.")
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


class _Watcher:
    """Rebuilds once a burst of file changes has settled (editors write files in several steps)."""

    def __init__(self, preview: Preview, delay: float = 0.3) -> None:
        self.preview = preview
        self.delay = delay
        self.timer: threading.Timer | None = None
        self.guard = threading.Lock()

    def changed(self, path: str) -> None:
        parts = Path(path).relative_to(self.preview.root).parts if path.startswith(str(self.preview.root)) else ()
        if not parts or parts[0] not in WATCHED or any(p.startswith(".") for p in parts):
            return
        with self.guard:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.delay, self._run)
            self.timer.daemon = True
            self.timer.start()

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

    preview.rebuild()
    try:
        server = make_server(preview, port)
    except OSError as error:
        preview.close()
        raise BuildError(
            f"Die Vorschau kann Port {port} nicht öffnen ({error}). Wählen Sie mit --port einen anderen."
        ) from None
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
