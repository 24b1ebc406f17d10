"""scoring.js under node, for Python tests that score many answer sets (property tests, instruments)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


class Scorer:
    """scoring.js in one node process, asked line by line (a process per example would be slow)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            ["node", str(REPO / "tests" / "js" / "score-lines.js")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def score(self, spec: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps({"spec": spec, "answers": answers}) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, "scoring.js stopped"
        result: dict[str, Any] = json.loads(line)
        return result

    def close(self) -> None:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.close()
        self.proc.wait(timeout=10)
        self.proc.stdout.close()
