"""`python -m tui.cli`: the same as the `jobtui` command."""

import sys

from tui.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
