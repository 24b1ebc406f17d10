"""Fixtures of the widget's end-to-end tests (tests/conftest.py has the browser, `page` and `site_url`).

`instant_site_url` serves a build of the real workbook whose site_url is the server's own address:
Material's instant navigation only follows links listed in sitemap.xml, matched by host and port.
It is served under a strict Content-Security-Policy (`script-src 'self'` plus the hashes of
Material's inline scripts), so every test that uses it also checks that the widget needs nothing more.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..browser import serve_folder
from ..conftest import REPO, make_project

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


def inline_script_hashes(site: Path) -> list[str]:
    """CSP source expressions for every inline executable script in the built HTML.

    JSON data blocks (`type="application/json"`: Material's config, the worksheet specs) are not
    executed, so they need no hash; scripts with `src` come from 'self'.
    """
    hashes = set()
    for html in site.rglob("*.html"):
        for match in SCRIPT.finditer(html.read_text(encoding="utf-8")):
            attrs = match["attrs"]
            if "src=" in attrs or "application/json" in attrs:
                continue
            digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


@pytest.fixture(scope="session")
def instant_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, str]]:
    """(base URL, site folder, the CSP it is served with)."""
    from generator.build import Project, build

    tmp = tmp_path_factory.mktemp("instant")
    root = make_project(tmp / "project", content=REPO / "content")
    site = tmp / "site"
    headers: dict[str, str] = {}
    # The server must exist before the build (its port goes into site_url); the handler reads
    # `headers` per request, so the policy is filled in once the build says what to allow.
    with serve_folder(site, headers=headers) as url:
        workbook_yml = root / "content" / "workbook.yml"
        text = re.sub(r"(?m)^site_url:.*$", f'site_url: "{url}"', workbook_yml.read_text(encoding="utf-8"))
        workbook_yml.write_text(text, encoding="utf-8")
        result = build(Project(root, work_dir=tmp / "build"), site=site, pdf=False)
        assert not result.errors, "\n".join(e.format() for e in result.errors)
        assert result.failure is None, result.failure
        policy = "script-src 'self' " + " ".join(inline_script_hashes(site))
        headers["Content-Security-Policy"] = policy
        yield url, site, policy


@pytest.fixture(scope="session")
def instant_site_url(instant_site: tuple[str, Path, str]) -> str:
    return instant_site[0]
