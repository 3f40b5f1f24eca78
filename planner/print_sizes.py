"""Body text sizes for the printed plan and its accessible copy: clear print and large print."""

CLEAR_PRINT_PT = 14
LARGE_PRINT_PT = 18
