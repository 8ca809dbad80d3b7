import sys

from imc_desktop.cli import main

sys.exit(main())
