from __future__ import annotations

from cleo.testers.command_tester import CommandTester

from masonite.craft.command import CraftCommand, escape, one_line
from masonite.craft.errors import CraftError


class Failing(CraftCommand):
    name = "failing"
    description = "Fails."

    def handle(self) -> int:
        raise CraftError("first line\nsecond <b>line</b>", exit_code=4)


class Succeeding(CraftCommand):
    name = "succeeding"
    description = "Succeeds."
    help = "No newline at the end"

    def handle(self) -> int:
        self.done("Made <it>")
        return 0


def test_a_craft_error_becomes_one_line_on_stderr_and_its_exit_code() -> None:
    tester = CommandTester(Failing())
    assert tester.execute() == 4
    assert tester.io.fetch_output() == ""
    assert tester.io.fetch_error() == "craft: first line second <b>line</b>\n"


def test_done_prints_text_with_tags_escaped() -> None:
    tester = CommandTester(Succeeding())
    assert tester.execute() == 0
    assert tester.io.fetch_output() == "Made <it>\n"


def test_help_ends_with_a_newline() -> None:
    assert Succeeding().processed_help == "No newline at the end\n"


def test_one_line_and_escape() -> None:
    assert one_line("  a\n\n b\tc ") == "a b c"
    assert escape("<error>x</error>") == "\\<error>x\\</error>"
