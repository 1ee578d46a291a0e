"""The corpus engine is headless: it must never import textual."""

import ast
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "tui" / "gpreader" / "corpus"


def test_no_module_of_the_corpus_package_names_textual():
    offenders = []
    for path in sorted(CORPUS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "textual"]
    assert offenders == []


def test_loading_the_corpus_does_not_pull_in_textual():
    code = (
        "import sys; from gpreader.corpus import load_corpus; "
        "from gpreader.resources import bundled_seeds; load_corpus(bundled_seeds()); "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
