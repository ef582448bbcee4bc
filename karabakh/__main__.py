"""Entry point for ``python -m karabakh``."""

import sys

from .cli import main

sys.exit(main())
