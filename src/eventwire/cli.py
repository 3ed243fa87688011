"""The `eventwire` command: a thin shell over the library. The library never prints; this module does."""
from __future__ import annotations

import importlib
import sys

import click

__all__ = ["main"]

# Command modules, each defining click commands listed in its COMMANDS; registered if importable.
_COMMAND_MODULES = [
    "eventwire.cli_extract",
    "eventwire.cli_store",
    "eventwire.cli_eval",
    "eventwire.cli_merge",
    "eventwire.cli_serve",
]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: conflict news in, evidenced ACLED-style events out."""
    from eventwire import settings
    from eventwire.errors import SettingError

    try:
        settings.validate()
    except SettingError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)


def _register() -> None:
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        for command in getattr(module, "COMMANDS", []):
            main.add_command(command)


_register()

if __name__ == "__main__":
    sys.exit(main())
