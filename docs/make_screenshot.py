"""Regenerate docs/screenshot.svg: the reader on the bundled seeds, a quote selected.

    .venv/bin/python docs/make_screenshot.py
"""

import asyncio
import os
import tempfile
from pathlib import Path

from gpreader.app import GPReaderApp
from gpreader.corpus import load_corpus
from gpreader.resources import bundled_seeds

OUT = Path(__file__).with_name("screenshot.svg")


async def main() -> None:
    os.environ.setdefault("GPREADER_DATA_DIR", tempfile.mkdtemp())
    os.environ["GPREADER_CLIPBOARD"] = "none"
    app = GPReaderApp(load_corpus(bundled_seeds()))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "enter", "n", "n")
        await pilot.pause()
        app.save_screenshot(filename=OUT.name, path=str(OUT.parent))


if __name__ == "__main__":
    asyncio.run(main())
