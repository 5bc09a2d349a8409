"""The standalone app's entry point (PyInstaller starts here): the same `foi-composer` command,
so with no arguments it opens the app and with a command it runs that command."""

import sys

from composer.cli import main

if __name__ == "__main__":
    sys.exit(main())
