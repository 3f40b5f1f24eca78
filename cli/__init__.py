"""The command lines: `python -m planner` and `python -m store`.

They live here, outside both packages, so that neither the planner nor the store imports the
other, and each command imports only what it uses: `suggest` never loads the database or the
printing code.
"""
