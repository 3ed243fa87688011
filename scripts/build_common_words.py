"""Build src/eventwire/data/common_words.txt from the dev train split (see eventwire.nlp.common_words)."""
from __future__ import annotations

from eventwire.devdata import acled_rows
from eventwire.nlp.common_words import OUT, build

if __name__ == "__main__":
    print(f"{build(acled_rows('train'))} words -> {OUT}")
