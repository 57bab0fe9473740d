"""The MkDocs layer, kept thin: write the page tree as Markdown files into a temporary docs folder,
take the editors' mkdocs.yml, add the generated navigation and lip's safety settings, and run
MkDocs' build through its Python API.

Nothing else in lip_build.outputs.site imports MkDocs; moving to another generator means replacing this file.
"""

from __future__ import annotations

import functools
import html
import json
import logging
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from lip_build.errors import BuildError
from lip_build.outputs.site.mdsafe import end_marker, start_marker
from lip_build.outputs.site.pagetree import Html, NavItem, NavLink, Page, SiteTree
from lip_build.outputs.site.settings import CONFIG

SAFE_EXTENSION = "lip_build.outputs.site.mdsafe"
SEARCH_INDEX = "search/search_index.json"
FORBIDDEN_PLUGINS = {
    "privacy": "lädt beim Erstellen Dateien aus dem Internet",
    "social": "lädt beim Erstellen Schriften aus dem Internet",
}


def source_name(path: str) -> str:
    """The Markdown file of a page in the docs folder: "massnahmen/bil-m03/" → "massnahmen/bil-m03/index.md"."""
    return f"{path}index.md"


def _title(text: str) -> str:
    """Titles reach Material's templates unescaped, so they are escaped here (and only here)."""
    return html.escape(text, quote=False)


def _meta(page: Page) -> dict[str, Any]:
    """The front matter of a page, as MkDocs reads it into `page.meta`."""
    meta: dict[str, Any] = {"title": _title(page.title)}
    if page.description:
        meta["description"] = html.escape(" ".join(page.description.split()), quote=True)
    if page.hide:
        meta["hide"] = list(page.hide)
    if not page.searchable:
        meta["search"] = {"exclude": True}  # read by Material's search plugin
    return meta


def _markdown(page: Page, nonce: str) -> str:
    meta = _meta(page)
    # JSON strings are valid YAML scalars, and json.dumps is much faster than yaml.safe_dump
    parts = ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()), "---", ""]
    for block in page.blocks:
        if isinstance(block, Html):
            parts += [start_marker(nonce), block.html, end_marker(nonce), ""]
        else:
            parts += [block.text.strip("\n"), ""]
    return "\n".join(parts)


def write_docs(tree: SiteTree, docs: Path, nonce: str, only: frozenset[str] | None = None) -> None:
    for page in tree.pages if only is None else (p for p in tree.pages if p.path in only):
        target = docs / source_name(page.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_markdown(page, nonce), encoding="utf-8")


def mkdocs_nav(items: tuple[NavItem, ...]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, NavLink):
            out.append({_title(item.title): source_name(item.path)})
        else:
            children = mkdocs_nav(item.children)
            if item.index is not None:
                children.insert(0, source_name(item.index))
            out.append({_title(item.title): children})
    return out


def load(root: Path, docs: Path, site: Path, tree: SiteTree, nonce: str, dirty: Dirty | None = None) -> Any:
    """MkDocs' configuration: mkdocs.yml of the plan plus the generated parts (not editable)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        config = load_config(
            config_file=str(root / CONFIG),
            docs_dir=str(docs),
            site_dir=str(site),
            nav=mkdocs_nav(tree.nav),
            use_directory_urls=True,
            strict=True,
        )
    except ConfigurationError as error:
        raise BuildError(f"{CONFIG}: Die Einstellungen der Website sind fehlerhaft: {error}") from None
    for name in config.plugins:
        short = name.split("/")[-1]
        if short in FORBIDDEN_PLUGINS:
            raise BuildError(
                f"{CONFIG}: Das Plugin „{name}“ {FORBIDDEN_PLUGINS[short]}. lip erstellt die Website ohne "
                "Internetzugriff und lädt nichts von fremden Servern; entfernen Sie das Plugin aus „plugins“."
            )
    extensions = [e for e in config.markdown_extensions if e != SAFE_EXTENSION]
    config.markdown_extensions = [*extensions, SAFE_EXTENSION]
    config.mdx_configs[SAFE_EXTENSION] = {"nonce": nonce}
    config.extra["generator"] = False  # "Made with Material" fails the contrast check
    config.extra["lip_version"] = tree.version
    config.extra["lip_herkunft"] = tree.herkunft
    config.extra["lip_aenderungen"] = {"path": tree.changes.path, "title": tree.changes.title} if tree.changes else None
    config.plugins["lip-engine"] = _engine_plugin(tree, dirty)
    theme_env = config.theme.get_env

    def get_env() -> jinja2.Environment:
        """Every environment of the theme: MkDocs' own for the pages, and those that plugins make (Material's
        search makes three per build to translate its settings, each compiling the language templates)."""
        env = theme_env()
        env.loader = _ThemeLoader(config.theme.dirs)
        env.bytecode_cache = _TEMPLATES
        return env

    config.theme.get_env = get_env  # type: ignore[method-assign]  # MkDocs has no option for the theme's loader
    return config


class _ThemeLoader(jinja2.FileSystemLoader):
    """The theme's templates, as MkDocs loads them, but listed without hidden folders and files.

    MkDocs lists every template of the theme to find its static files, and drops each name with a hidden part
    ('.*', '*/.*' in Files.add_files_from_theme). Material's icons alone are 14,000 files in .icons/: walking and
    matching them took a tenth of a second of every build, also of each rebuild in `lip serve`."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for folder, folders, names in os.walk(searchpath, followlinks=self.followlinks):
                folders[:] = [name for name in folders if not name.startswith(".")]
                for name in names:
                    if not name.startswith("."):
                        found.add(os.path.relpath(os.path.join(folder, name), searchpath).replace(os.path.sep, "/"))
        return sorted(found)


class _TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept for the next build in the same process (lip serve, benchmarks).
    Jinja checks the source checksum, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _TemplateCache()


@dataclass(frozen=True)
class Dirty:
    """A rebuild of only some pages: `changed` are the paths of the pages whose source changed, `previous` is
    the complete site of the tree before. Everything else (navigation, settings, templates, files) is the same."""

    previous: Path
    changed: frozenset[str]


# The theme's own skip link (to the first heading, only on pages with one); main.html has lip's, which
# always leads to the content. One skip link per page.
_THEME_SKIP_LINK = re.compile(r'<div data-md-component="skip">.*?</div>\s*', re.DOTALL)
# The theme's toggles are checkboxes with autocomplete="off", which HTML allows only on text-like inputs
# (the Nu Html Checker reports it on every page).
_CHECKBOX_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") autocomplete="off">'
)
# The table of contents' title is a label for the toggle "__toc", which the navigation writes only for a page
# that is in it; without that control the label is invalid HTML and becomes a plain title.
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.DOTALL)


def tidy_theme_markup(output: str) -> str:
    """The theme's page with its one skip link removed and its invalid markup made valid HTML."""
    output = _THEME_SKIP_LINK.sub("", output, count=1)
    output = _CHECKBOX_AUTOCOMPLETE.sub(r"\1>", output)
    if 'id="__toc"' not in output:
        output = _TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', output)
    return output


def _engine_plugin(tree: SiteTree, dirty: Dirty | None) -> Any:
    from mkdocs.plugins import BasePlugin

    class LipEngine(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        def on_files(self, files: Any, /, *, config: Any) -> Any:
            if dirty is not None:  # MkDocs' dirty build asks each file whether to build it again
                changed = {source_name(path) for path in dirty.changed}
                for file in files:
                    file.is_modified = functools.partial(bool, file.src_uri in changed)
            self.files = files
            return files

        def on_nav(self, nav: Any, /, *, config: Any, files: Any) -> Any:
            if dirty is not None:  # pages that are not read again still need their titles for the others
                sources = {source_name(page.path): page for page in tree.pages}
                for file in files.documentation_pages():
                    if file.page is not None and not file.is_modified() and file.src_uri in sources:
                        file.page.meta = _meta(sources[file.src_uri])
                        if file.page.title is None:  # not given by the nav, and MkDocs reads none from meta
                            file.page.title = file.page.meta["title"]  # for a page that it does not read
            return nav

        def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
            return tidy_theme_markup(output)

        def on_post_template(self, output: str, /, *, template_name: str, config: Any) -> str:
            return tidy_theme_markup(output) if template_name.endswith(".html") else output  # 404.html

        def on_post_build(self, *, config: Any) -> None:
            if dirty is not None:
                pages = [file.page.url for file in self.files.documentation_pages() if file.page is not None]
                _merge_search_index(dirty, Path(config.site_dir), pages)

    return LipEngine()


def _merge_search_index(dirty: Dirty, site: Path, pages: list[str]) -> None:
    """The search plugin indexed only the pages built again; the others' entries come from the previous
    index, in the order of a full build."""
    new_file, old_file = site / SEARCH_INDEX, dirty.previous / SEARCH_INDEX
    if not new_file.is_file() or not old_file.is_file():
        return
    new, old = json.loads(new_file.read_text(encoding="utf-8")), json.loads(old_file.read_text(encoding="utf-8"))
    entries: dict[str, list[Any]] = {}
    for entry in old["docs"]:
        entries.setdefault(_page_of(entry), []).append(entry)
    for url in dirty.changed:  # a page's URL is its path in the tree
        entries[url] = []
    for entry in new["docs"]:
        entries.setdefault(_page_of(entry), []).append(entry)
    new["docs"] = [entry for url in pages for entry in entries.get(url, [])]
    new_file.write_text(json.dumps(new, separators=(",", ":"), default=str), encoding="utf-8")


def _page_of(entry: dict[str, Any]) -> str:
    return str(entry["location"]).split("#", 1)[0]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns about every dirty build (stale navigation); lip builds dirty only when the navigation is
    the same, and strict mode must not count the warning."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


@contextmanager
def _quiet_mkdocs() -> Iterator[_Collect]:
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    level, propagate = logger.level, logger.propagate
    logger.addHandler(collect)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    builder = logging.getLogger("mkdocs.commands.build")
    builder.addFilter(_not_the_dirty_warning)
    try:
        yield collect
    finally:
        builder.removeFilter(_not_the_dirty_warning)
        logger.removeHandler(collect)
        logger.setLevel(level)
        logger.propagate = propagate


def render(root: Path, tree: SiteTree, site: Path, docs: Path | None = None, dirty: Dirty | None = None) -> None:
    """Write the site for `tree` into the (empty) folder `site`.

    With `dirty`, `docs` holds the sources of the previous build: only the changed pages are written and
    built again, and every other file of the previous site is linked into `site` (never written to, so the
    previous site stays intact until `site` replaces it)."""
    from mkdocs.commands.build import build

    nonce = secrets.token_hex(16)
    work = Path(tempfile.mkdtemp(prefix="lip-docs-")) if docs is None else docs
    # Images and files that texts link to go into the docs first: MkDocs (strict) checks that every
    # link of a page finds its target. Markdown files would become pages, so they are copied after.
    early = {target: source for target, source in tree.files.items() if source.suffix.lower() != ".md"}
    try:
        write_docs(tree, work, nonce, None if dirty is None else dirty.changed)
        if dirty is None:
            _copy(early, work)
        with _quiet_mkdocs() as collected:
            config = load(root, work, site, tree, nonce, dirty)
            try:
                build(config, dirty=dirty is not None)
            except BuildError:
                raise
            except Exception as error:  # MkDocs, its theme or a plugin failed
                details = "; ".join(collected.messages[-5:]) or f"{type(error).__name__}: {error}"
                raise BuildError(
                    f"MkDocs konnte die Website nicht erstellen ({details}). Die bisherige Website in site/ "
                    "bleibt unverändert. Prüfen Sie mkdocs.yml und templates/site/."
                ) from None
        _copy({target: source for target, source in tree.files.items() if target not in early}, site)
        if dirty is not None:
            _link_missing(dirty.previous, site)
    finally:
        if docs is None:
            shutil.rmtree(work, ignore_errors=True)


def _link_missing(previous: Path, site: Path) -> None:
    """Hard-link every file of `previous` that `site` does not have yet (same file system: a sibling)."""
    for folder, folders, names in os.walk(previous):  # top down: a folder is made before its subfolders
        target = os.path.join(site, os.path.relpath(folder, previous))
        present = set(os.listdir(target))  # one listing, not a stat per file and folder: a site has hundreds
        for name in folders:
            if name not in present:
                os.mkdir(os.path.join(target, name))
        for name in names:
            if name not in present:
                source, link = os.path.join(folder, name), os.path.join(target, name)
                try:
                    os.link(source, link)
                except OSError:  # a file system without hard links
                    shutil.copy2(source, link)


def _copy(files: dict[str, Path], folder: Path) -> None:
    for target, source in files.items():
        destination = folder / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
