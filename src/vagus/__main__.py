from __future__ import annotations

from vagus.cli import main

raise SystemExit(main())
