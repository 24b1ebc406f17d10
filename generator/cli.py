"""The `workbook` command: a thin layer over the pipeline stages. Exit 1 on any content problem."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .build import ENGINES, Project, build
from .errors import ContentError, format_report
from .messages import author_language, say, speaking, workbook_language

# What the reader of a failed build is told after the message, by the stage that failed (ids of strings_check.py).
FAILED = {
    "refused": "cli.failed-refused",
    "setup": "cli.failed-kept",
    "engine": "cli.failed-engine",
    "pdf": "cli.failed-kept",
}


def print_notes(notes: list[ContentError]) -> None:
    for note in notes:
        print(say("cli.note", note=note.format()), file=sys.stderr)


def _root(value: str) -> Path:
    return Path(value).resolve()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workbook", description="Build the career workbook from content/.")
    parser.add_argument("--root", type=_root, default=Path.cwd(), help="project folder (default: the current one)")
    commands = parser.add_subparsers(dest="command", required=True)

    b = commands.add_parser("build", help="check the content and build the site")
    b.add_argument("--site", type=_root, default=None, help="output folder (default: site/)")
    b.add_argument("--engine", choices=ENGINES, default="mkdocs")
    b.add_argument("--work", type=_root, default=None, help="folder for the generated docs (default: build/)")
    b.add_argument("--offline", action="store_true", help="build a copy that works opened from disk (file://), search included")
    b.add_argument(
        "--no-offline-zip",
        dest="offline_zip",
        action="store_false",
        help="skip the zip of an offline copy in site/downloads/ (made by default with the mkdocs engine)",
    )
    b.add_argument(
        "--site-url",
        default=None,
        help="the site's public address, overriding workbook.yml's site_url (a publishing workflow knows it; it enables "
        "instant navigation and the QR codes)",
    )
    b.add_argument("--no-pdf", dest="pdf", action="store_false", help="skip the PDF packs (site/downloads/); pages then do not link them")

    s = commands.add_parser("serve", help="live preview on 127.0.0.1 that rebuilds when content/ or templates/ change")
    s.add_argument("--port", type=int, default=8000)

    commands.add_parser("check", help="check the content without building")

    n = commands.add_parser("new", help="write a valid, commented starting file for an exercise or a source")
    n.add_argument("kind", choices=("exercise", "source"))
    n.add_argument("id", help="lower-case words joined by hyphens, e.g. `my-values`")
    n.add_argument("--chapter", default=None, help="chapter id to add a new exercise to (default: the last chapter)")

    commands.add_parser("schema", help="write the JSON Schema of the content files into schemas/")

    args = parser.parse_args(argv)
    project = Project(args.root, work_dir=getattr(args, "work", None), site_url=getattr(args, "site_url", None))
    # Messages to the author in the terminal's language (else the workbook's): see generator/messages.py.
    with speaking(author_language(os.environ, workbook_language(project.root))):
        return run(args, project)


def run(args: argparse.Namespace, project: Project) -> int:
    """The command `args` names, on `project`; its exit status."""
    if args.command == "check":
        from .validate import validate_content

        content, errors = validate_content(project.root)
        print_notes(content.notes if content else [])
        if errors:
            print(format_report(errors, "check"), file=sys.stderr)
            return 1
        print(say("cli.valid"))
        return 0
    if args.command == "new":
        from .scaffold import new_exercise, new_source

        path, errors = new_exercise(project.root, args.id, args.chapter) if args.kind == "exercise" else new_source(project.root, args.id)
        if errors:
            print("\n".join(e.format() for e in errors), file=sys.stderr)
            return 1
        print(say("cli.wrote-exercise" if args.kind == "exercise" else "cli.wrote", path=path))
        return 0
    if args.command == "schema":
        from .schema import write_schemas

        for path in write_schemas(project.root):
            print(say("cli.wrote", path=path))
        return 0
    if args.command == "serve":
        from .serve import serve

        return serve(project, port=args.port)

    if args.offline and args.engine != "mkdocs":
        print(say("cli.offline-engine"), file=sys.stderr)
        return 1
    result = build(
        project,
        site=args.site,
        engine=args.engine,
        pdf=args.pdf,
        offline=args.offline,
        offline_zip=args.offline_zip and args.engine == "mkdocs" and not args.offline,
    )
    if result.errors:
        print(format_report(result.errors), file=sys.stderr)
        return 1
    if result.failure:
        print(result.failure.message, file=sys.stderr)
        print("\n" + say(FAILED[result.failure.stage], engine=args.engine), file=sys.stderr)
        return 1
    print_notes(result.notes)
    print(say("cli.built", site=result.site))
    return 0


if __name__ == "__main__":
    sys.exit(main())
