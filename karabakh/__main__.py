"""Entry point for ``python -m karabakh``."""

import sys

from .output.cli import main

sys.exit(main())
