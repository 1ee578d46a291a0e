from gpreader.cli import main

raise SystemExit(main())
