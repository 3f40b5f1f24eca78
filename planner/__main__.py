"""`python -m planner`: the command line, which lives in `cli` so the planner imports no store."""

import sys

from cli.main import planner_main

sys.exit(planner_main())
