"""`python -m generator`: the same as the `workbook` command."""

import sys

from .cli import main

if __name__ == "__main__":  # also keeps worker processes that re-import this module from running it
    sys.exit(main())
