"""Run Five Whys Journal from a checkout: `python main.py [--db PATH] [COMMAND ...]`."""

import sys

from journal.app import main

if __name__ == "__main__":
    sys.exit(main())
