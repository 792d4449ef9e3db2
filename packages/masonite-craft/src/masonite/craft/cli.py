"""The ``craft`` console script."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run craft with ``argv`` (default: ``sys.argv``) and return the exit status.

    Errors never end in a traceback: cleo's own handler reports them in one line, and
    anything that escapes it (an error while setting up the console) is reported the
    same way here.
    """
    try:
        from cleo.io.inputs.argv_input import ArgvInput

        from masonite.craft.application import CraftApplication
        from masonite.craft.project import find_project

        application = CraftApplication(find_project())
        application.auto_exits(False)
        input_ = ArgvInput(["craft", *(sys.argv[1:] if argv is None else argv)])
        input_.set_stream(sys.stdin)
        return application.run(input_)
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        print(f"craft: {type(error).__name__}: {error}".splitlines()[0], file=sys.stderr)
        return 1
