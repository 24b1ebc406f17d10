"""The `workbook` command: a thin layer over the pipeline stages. Exit 1 on any content problem."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .build import ENGINES, Project, build
from .errors import ContentError, format_report
from .load import load_yaml
from .messages import author_language, say, speaking

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


def workbook_language(root: Path) -> str | None:
    """`language:` of content/workbook.yml when the file can be read, through the loader's limits (it
    may be the file with the problems, even a hostile one: then None, and the messages are English)."""
    loaded, _ = load_yaml(root / "content" / "workbook.yml", "content/workbook.yml")
    data = loaded.data if loaded is not None else None
    language = data.get("language", "en") if isinstance(data, dict) else None
    return language if isinstance(language, str) else None


def _root(value: str) -> Path:
    return Path(value).resolve()


def main(argv: list[str] | None = None) -> int:
    # Messages to the author in the terminal's language, else the workbook's (generator/messages.py): the
    # help before `--root` is known, from the current folder's workbook; the run from the project's.
    with speaking(author_language(os.environ, workbook_language(Path.cwd()))):
        args = command_line().parse_args(argv)
    project = Project(args.root, work_dir=getattr(args, "work", None), site_url=getattr(args, "site_url", None))
    with speaking(author_language(os.environ, workbook_language(project.root))):
        return run(args, project)


def command_line() -> argparse.ArgumentParser:
    """The command's arguments, with their help in the author's language (argparse's own words stay English)."""
    parser = argparse.ArgumentParser(prog="workbook", description=say("cli.help"))
    parser.add_argument("--root", type=_root, default=Path.cwd(), help=say("cli.help-root"))
    commands = parser.add_subparsers(dest="command", required=True)

    b = commands.add_parser("build", help=say("cli.help-build"))
    b.add_argument("--site", type=_root, default=None, help=say("cli.help-site"))
    b.add_argument("--engine", choices=ENGINES, default="mkdocs")
    b.add_argument("--work", type=_root, default=None, help=say("cli.help-work"))
    b.add_argument("--offline", action="store_true", help=say("cli.help-offline"))
    b.add_argument("--no-offline-zip", dest="offline_zip", action="store_false", help=say("cli.help-no-offline-zip"))
    b.add_argument("--site-url", default=None, help=say("cli.help-site-url"))
    b.add_argument("--no-pdf", dest="pdf", action="store_false", help=say("cli.help-no-pdf"))

    s = commands.add_parser("serve", help=say("cli.help-serve"))
    s.add_argument("--port", type=int, default=8000)

    commands.add_parser("check", help=say("cli.help-check"))

    n = commands.add_parser("new", help=say("cli.help-new"))
    n.add_argument("kind", choices=("exercise", "source"))
    n.add_argument("id", help=say("cli.help-new-id"))
    n.add_argument("--chapter", default=None, help=say("cli.help-chapter"))

    commands.add_parser("schema", help=say("cli.help-schema"))
    return parser


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
