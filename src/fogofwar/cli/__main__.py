"""``python -m fogofwar.cli``: the same as the ``fogofwar`` command."""

from fogofwar.cli import main

main()
