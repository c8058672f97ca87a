"""The hand-written Danish demo content, as data: one JSON file per part of the demo, read by the modules
beside them (ideas.py, methods.py) or by the generator that uses it (people, spread, business cases).

Written for this project. The people quoted and the studies listed are made up (plausible, never real):
no study links to a real journal, only to example.org. Target groups and themes are named by short keys
(mapped to the vocabulary's names in ideas.json), so renaming one in the admin does not break the demo.
"""

import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def read(name):
    """The data file `name`.json of this folder."""
    return json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))
