"""`python -m store`: the data commands on their own (also under `python -m planner data`)."""

import sys

from cli.main import store_main

sys.exit(store_main())
