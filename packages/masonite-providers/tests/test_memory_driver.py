from __future__ import annotations

import threading

from masonite.providers import MemoryDriver, SessionSettings
from masonite.request import Response


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _save(
    driver: MemoryDriver,
    raw: str | None,
    data: dict[str, object],
    regenerate: bool = False,
    flashed: tuple[str, ...] = (),
) -> str | None:
    response = Response()
    driver.save(response, raw, data, flashed, regenerate)
    for header in response.cookies:
        value = header.split(";", 1)[0].split("=", 1)[1]
        return value or None
    return raw


def test_round_trip_and_the_cookie_holds_only_a_signed_id() -> None:
    driver = MemoryDriver("key", SessionSettings())
    raw = _save(driver, None, {"secret": "value"})
    assert raw is not None
    assert "value" not in raw
    assert driver.load(raw) == ({"secret": "value"}, [])
    # An update keeps the id: no new cookie.
    response = Response()
    driver.save(response, raw, {"secret": "other"}, (), False)
    assert response.cookies == []
    assert driver.load(raw) == ({"secret": "other"}, [])


def test_loaded_values_are_copies() -> None:
    driver = MemoryDriver("key", SessionSettings())
    raw = _save(driver, None, {"items": [1]})
    assert raw is not None
    data, _ = driver.load(raw)
    data["items"].append(2)  # type: ignore[attr-defined]
    assert driver.load(raw) == ({"items": [1]}, [])


def test_forged_and_unknown_ids_are_empty_and_never_adopted() -> None:
    driver = MemoryDriver("key", SessionSettings())
    raw = _save(driver, None, {"a": 1})
    assert raw is not None
    session_id, _, signature = raw.rpartition(".")
    # Replace the first signature character with one it is not, so the forgery always differs.
    flipped = "y" if signature[0] == "x" else "x"
    for forged in (
        f"{session_id}.{flipped}{signature[1:]}",
        f"other.{signature}",
        session_id,
        "",
        "." * 500,
        "é.é",
    ):
        assert driver.load(forged) == ({}, [])
    other = MemoryDriver("other key", SessionSettings())
    assert other.load(raw) == ({}, [])
    # A validly signed id the store does not hold (another process, a restart) gets a new id.
    fresh = _save(other, raw, {"b": 2})
    assert fresh is not None
    assert fresh != raw


def test_expiry_and_bound() -> None:
    clock = Clock()
    driver = MemoryDriver("key", SessionSettings(lifetime=10, max_sessions=3), clock=clock)
    first = _save(driver, None, {"n": 0})
    assert first is not None
    clock.now += 11
    assert driver.load(first) == ({}, [])
    ids = [_save(driver, None, {"n": n}) for n in range(5)]
    assert len(driver) == 3
    assert driver.load(ids[0] or "") == ({}, [])
    assert driver.load(ids[4] or "") == ({"n": 4}, [])


def test_regenerate_and_empty() -> None:
    driver = MemoryDriver("key", SessionSettings())
    raw = _save(driver, None, {"a": 1})
    assert raw is not None
    new = _save(driver, raw, {"a": 1}, regenerate=True)
    assert new != raw
    assert driver.load(raw) == ({}, [])
    assert driver.load(new or "") == ({"a": 1}, [])
    response = Response()
    driver.save(response, new, {}, (), False)
    assert len(driver) == 0
    assert any("Max-Age=0" in c or "1970" in c for c in response.cookies)


def test_has_flash() -> None:
    driver = MemoryDriver("key", SessionSettings())
    raw = _save(driver, None, {"a": 1}, flashed=("a",))
    assert raw is not None
    assert driver.has_flash(raw)
    _save(driver, raw, {"a": 1})
    assert not driver.has_flash(raw)
    assert not driver.has_flash("forged.id")


def test_thread_safety() -> None:
    driver = MemoryDriver("key", SessionSettings(max_sessions=50))
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(200):
                raw = _save(driver, None, {"n": n, "i": i})
                data, _ = driver.load(raw or "")
                assert data in ({}, {"n": n, "i": i})
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(driver) <= 50
