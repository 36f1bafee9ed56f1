"""Run the matching command line: ``python -m chanchuang.matching --help``."""

from chanchuang.matching.cli import main

raise SystemExit(main())
