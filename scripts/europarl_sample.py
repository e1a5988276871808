"""What the data-building scripts share: where the Europarl sample lives (in ../shared/data,
beside the repository) and the folding transcheck applies at run time (src/textutil.rs: NFD,
combining marks dropped, ß → ss, œ → oe, æ → ae, ø → o, ł → l, lower case), so that what the
scripts write matches what the checker looks up."""
import os
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "europarl-en-fr")
SAMPLE = os.path.join(DATA, "europarl-v7.fr-en.sample20k.tok.unescaped")
EN = SAMPLE + ".en"
FR = SAMPLE + ".fr"

_LETTERS = {"ß": "ss", "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l"}


def fold(text):
    out = []
    for c in unicodedata.normalize("NFD", text):
        if not unicodedata.combining(c):
            out.append(_LETTERS.get(c, c.lower()))
    return "".join(out)
