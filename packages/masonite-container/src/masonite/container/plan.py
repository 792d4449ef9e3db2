"""Injection plans: a callable's signature, read once, turned into a list of steps.

``Container.resolve`` asks :func:`plan_for` for the plan of a callable. The plan is
computed on first use (``inspect.signature`` plus evaluation of the annotations,
string annotations included) and cached, so every later call only walks a tuple of
prepared steps. A plan does not depend on any container: one plan serves the root
container and every request scope alike.

Each parameter gets one of four modes:

* ``ARG``: no annotation, or one the container never looks up (``str``, ``int``,
  ``Any``, ``list[int]``, unions of several classes...). It takes the next
  positional argument given to ``resolve``, else its default.
* ``INJECT``: annotated with a class and no default. The container supplies it and
  builds the class when nothing is bound for it (unless the container is strict).
* ``OPTIONAL``: a class with a default, or ``X | None``. Supplied when something is
  bound for it, else the default (``None`` for ``X | None`` without one).
* ``SELF``: annotated with the container class itself. The container doing the
  resolution is passed, so a request scope hands out the scope, never the root.

A callable whose signature Python cannot read (some builtins) gets an empty plan:
the arguments given to ``resolve`` are passed through as they are.
"""

from __future__ import annotations

import functools
import inspect
import sys
import types
import typing
from typing import Any, Literal, NamedTuple

from masonite.container.errors import ContainerError

__all__ = [
    "ARG",
    "EITHER",
    "EMPTY",
    "INJECT",
    "KEYWORD",
    "NEVER_LOOKED_UP",
    "OPTIONAL",
    "POSITIONAL",
    "SELF",
    "InjectionPlan",
    "Parameter",
    "Plan",
    "annotation_name",
    "describe",
    "plan_for",
]

ARG, INJECT, OPTIONAL, SELF = 0, 1, 2, 3
POSITIONAL, EITHER, KEYWORD = 0, 1, 2  # how a parameter is passed: by position, either, by name

EMPTY: Any = inspect.Parameter.empty

#: Annotations that describe plain data: never looked up in the container.
NEVER_LOOKED_UP: frozenset[Any] = frozenset(
    {
        str,
        int,
        float,
        bool,
        bytes,
        dict,
        list,
        tuple,
        set,
        object,
        frozenset,
        bytearray,
        complex,
        type(None),
        Any,
    }
)

_NONE_TYPE = type(None)
_UNION_ORIGINS = (typing.Union, types.UnionType)

#: Caches the container reads directly on its hot path. Keys hold strong
#: references; a cache that outgrows MAX_PLANS is emptied (a program that builds
#: a fresh closure per request and resolves it would otherwise grow without end).
PLANS: dict[Any, Plan] = {}  # functions, classes, partials: keyed on the object
METHOD_PLANS: dict[Any, Plan] = {}  # bound methods: keyed on __func__, self not in the plan
CALL_PLANS: dict[Any, Plan] = {}  # callable instances: keyed on their class
MAX_PLANS = 4096

Step = tuple[str, int, Any, Any, int]  # name, mode, annotation, default, passing

#: Where a parameter's value comes from (:attr:`Parameter.source`).
Source = Literal["argument", "inject", "optional", "container"]
#: How a parameter can be passed (:attr:`Parameter.kind`).
Kind = Literal["positional", "either", "keyword"]
_SOURCES: tuple[Source, ...] = ("argument", "inject", "optional", "container")
_KINDS: tuple[Kind, ...] = ("positional", "either", "keyword")


class Parameter(NamedTuple):
    """One named parameter of a callable, as :meth:`Container.resolve` fills it.

    Part of the public API (``masonite.container.injection_plan``): the fields and their
    values are stable.

    Attributes:
        name: The parameter's name.
        source: ``"argument"`` (a positional argument given to ``resolve``, else the
            default: no annotation, or one never looked up such as ``str``);
            ``"inject"`` (the container supplies it, building the class when nothing is
            bound); ``"optional"`` (supplied when something is bound, else the default,
            or ``None`` for ``X | None``); ``"container"`` (the resolving container).
        annotation: The class looked up for ``inject``, ``optional`` and ``container``;
            the evaluated annotation (or ``inspect.Parameter.empty``) for ``argument``.
        default: The default value, or ``inspect.Parameter.empty`` when there is none.
        kind: ``"positional"`` (positional-only), ``"either"`` or ``"keyword"``
            (keyword-only).
    """

    name: str
    source: Source
    annotation: Any
    default: Any
    kind: Kind

    @property
    def required(self) -> bool:
        """True when the parameter has no default."""
        return self.default is EMPTY


class InjectionPlan:
    """How to call one callable: what each parameter receives.

    The public attributes (``target``, ``parameters``, ``var_positional``,
    ``var_keyword``, ``keyword_names``, ``describe()``) are the stable API that
    ``masonite.container.injection_plan`` returns; the others serve the container.

    Attributes:
        target: The callable the plan was made for (the first one seen, for plans
            shared by every bound method of a function).
        steps: One ``(name, mode, annotation, default, passing)`` tuple per named
            parameter, in signature order (``*args``/``**kwargs`` are not steps).
        fast: The annotations, in order, when every parameter is a plain
            ``INJECT`` passed by position; the container then only needs one
            lookup per parameter. ``None`` otherwise.
        size: ``len(fast)``, or -1 without ``fast``.
        first, second: ``fast[0]`` and ``fast[1]`` (``None`` when ``fast`` is shorter).
        var_positional: Whether the callable takes ``*args`` (extra positional
            arguments given to ``resolve`` go there).
        var_keyword: Whether the callable takes ``**kwargs`` (keyword arguments
            that match no parameter go there).
        keyword_names: Names of the parameters that keyword arguments can fill.
    """

    __slots__ = (
        "_described",
        "_parameters",
        "fast",
        "first",
        "keyword_names",
        "second",
        "size",
        "steps",
        "target",
        "var_keyword",
        "var_positional",
    )

    def __init__(
        self,
        target: Any,
        steps: tuple[Step, ...],
        var_positional: bool,
        var_keyword: bool,
    ) -> None:
        self.target = target
        self.steps = steps
        self.var_positional = var_positional
        self.var_keyword = var_keyword
        self.keyword_names = frozenset(s[0] for s in steps if s[4] != POSITIONAL)
        plain = all(s[1] == INJECT and s[4] != KEYWORD for s in steps)
        fast = tuple(s[2] for s in steps) if plain else None
        self.fast: tuple[type, ...] | None = fast
        self.size = -1 if fast is None else len(fast)
        # The first two classes of ``fast`` as attributes: read without a subscript.
        # Typed Any: the container reads them only when ``size`` says they are set.
        self.first: Any = fast[0] if fast else None
        self.second: Any = fast[1] if fast is not None and len(fast) > 1 else None
        self._parameters: tuple[Parameter, ...] | None = None
        self._described: str | None = None

    @property
    def parameters(self) -> tuple[Parameter, ...]:
        """Every named parameter, in signature order (``*args``/``**kwargs`` excluded)."""
        parameters = self._parameters
        if parameters is None:
            parameters = self._parameters = tuple(
                Parameter(name, _SOURCES[mode], annotation, default, _KINDS[passing])
                for name, mode, annotation, default, passing in self.steps
            )
        return parameters

    def describe(self) -> str:
        """Return ``module.Qualname (file:line)`` for error messages (computed once)."""
        if self._described is None:
            self._described = describe(self.target)
        return self._described

    def __repr__(self) -> str:
        names = ", ".join(
            f"{s[0]}:{('arg', 'inject', 'optional', 'self')[s[1]]}" for s in self.steps
        )
        return f"<Plan {self.describe()} ({names})>"


#: The name the container's own modules use.
Plan = InjectionPlan


def plan_for(target: Any, container_type: type) -> Plan:
    """Return the cached plan of ``target``, computing it on first use.

    Args:
        target: A function, bound method, class, ``functools.partial`` or any
            object with ``__call__``.
        container_type: Parameters annotated with this class (or a subclass) get
            the resolving container itself (mode ``SELF``).

    Raises:
        ContainerError: ``target`` is not callable, or one of its parameter
            annotations cannot be evaluated (the return annotation is ignored).
    """
    cache: dict[Any, Plan]
    key: Any
    if isinstance(target, types.MethodType):
        cache, key = METHOD_PLANS, target.__func__
    elif isinstance(
        target, (types.FunctionType, type, functools.partial, types.BuiltinFunctionType)
    ):
        cache, key = PLANS, target
    elif callable(target):
        cache, key = CALL_PLANS, type(target)
    else:
        raise ContainerError(
            f"resolve() needs a callable (a function, method or class), got {target!r} "
            f"of type {type(target).__qualname__}",
            key=target,
        )
    try:
        plan = cache.get(key)
    except TypeError:  # an unhashable partial or callable: plan it every time
        return _build(target, container_type)
    if plan is None:
        plan = _build(target, container_type)
        if len(cache) >= MAX_PLANS:
            cache.clear()
        cache[key] = plan
    return plan


def _build(target: Any, container_type: type) -> Plan:
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        # Some builtins have no signature Python can read: nothing to inject,
        # the arguments given to resolve() are passed through as they are.
        return Plan(target, (), var_positional=True, var_keyword=True)
    raw = {
        name: p.annotation
        for name, p in signature.parameters.items()
        if p.annotation is not EMPTY
        and p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    }
    hints = _evaluate(target, raw) if raw else {}
    steps: list[Step] = []
    var_positional = var_keyword = False
    for name, p in signature.parameters.items():
        if p.kind is inspect.Parameter.VAR_POSITIONAL:
            var_positional = True
            continue
        if p.kind is inspect.Parameter.VAR_KEYWORD:
            var_keyword = True
            continue
        mode, annotation = _classify(hints.get(name, EMPTY), p.default, container_type)
        if p.kind is inspect.Parameter.POSITIONAL_ONLY:
            passing = POSITIONAL
        elif p.kind is inspect.Parameter.KEYWORD_ONLY:
            passing = KEYWORD
        else:
            passing = EITHER
        steps.append((name, mode, annotation, p.default, passing))
    return Plan(target, tuple(steps), var_positional, var_keyword)


def _classify(annotation: Any, default: Any, container_type: type) -> tuple[int, Any]:
    """Return the mode of a parameter and the class to look up (if any)."""
    if annotation is EMPTY:
        return ARG, annotation
    if _injectable(annotation):
        if issubclass(annotation, container_type):
            return SELF, annotation
        return (INJECT if default is EMPTY else OPTIONAL), annotation
    if typing.get_origin(annotation) in _UNION_ORIGINS:
        members = typing.get_args(annotation)
        others = [m for m in members if m is not _NONE_TYPE]
        if len(others) == 1 and len(members) == 2 and _injectable(others[0]):
            return OPTIONAL, others[0]
    return ARG, annotation


def _injectable(annotation: Any) -> bool:
    # list[int] passes isinstance(..., type) on 3.10, hence the get_origin test.
    try:
        return (
            isinstance(annotation, type)
            and annotation not in NEVER_LOOKED_UP
            and typing.get_origin(annotation) is None
        )
    except TypeError:  # an unhashable annotation object
        return False


class _Annotations:
    """A stand-in that ``typing.get_type_hints`` accepts: only ``__annotations__``."""

    def __init__(self, annotations: dict[str, Any]) -> None:
        self.__annotations__ = annotations


def _evaluate(target: Any, raw: dict[str, Any]) -> dict[str, Any]:
    """Evaluate annotations (strings under ``from __future__ import annotations``).

    Names are looked up in the module globals of the function that defines the
    signature (and in its closure, so a class used in the function body is found
    too). When evaluation fails, each annotation is retried alone to name the
    parameter at fault.
    """
    globalns, localns = _namespaces(target)
    try:
        return typing.get_type_hints(_Annotations(raw), globalns, localns)
    except Exception:
        pass
    hints: dict[str, Any] = {}
    for name, annotation in raw.items():
        try:
            hints.update(typing.get_type_hints(_Annotations({name: annotation}), globalns, localns))
        except Exception as exc:
            where = describe(target)
            shown = annotation if isinstance(annotation, str) else repr(annotation)
            raise ContainerError(
                f"cannot evaluate the annotation '{shown}' of parameter '{name}' of {where}: "
                f"{type(exc).__name__}: {exc}. Annotations are evaluated in the globals of the "
                f"module that defines the callable: import the name there at run time (not only "
                f"under 'if TYPE_CHECKING:') and define classes at module level",
                key=annotation,
                parameter=name,
                target=where,
            ) from exc
    return hints


def _namespaces(target: Any) -> tuple[dict[str, Any], dict[str, Any] | None]:
    function = _defining_function(target)
    globalns = getattr(function, "__globals__", None)
    if globalns is None:
        module = sys.modules.get(getattr(function, "__module__", None) or "")
        globalns = vars(module) if module is not None else {}
    localns: dict[str, Any] | None = None
    closure = getattr(function, "__closure__", None)
    if closure:
        localns = {}
        for name, cell in zip(function.__code__.co_freevars, closure, strict=True):
            try:
                localns[name] = cell.cell_contents
            except ValueError:  # an empty cell: the variable is not assigned yet
                continue
    return globalns, localns


def _defining_function(target: Any) -> Any:
    """Return the Python function whose code defines ``target``'s signature."""
    obj = target
    while True:
        if isinstance(obj, types.MethodType):
            obj = obj.__func__
        elif isinstance(obj, functools.partial):
            obj = obj.func
        elif isinstance(obj, type):
            obj = _constructor(obj)
        elif isinstance(obj, (staticmethod, classmethod)):
            obj = obj.__func__
        elif not isinstance(obj, (types.FunctionType, types.BuiltinFunctionType)) and callable(obj):
            obj = type(obj).__call__
        else:
            break
    try:
        return inspect.unwrap(obj)
    except ValueError:  # a __wrapped__ cycle: keep the outer function
        return obj


def _constructor(cls: type) -> Any:
    for name in ("__init__", "__new__"):
        for klass in cls.__mro__:
            if name in vars(klass):
                found = vars(klass)[name]
                if isinstance(found, staticmethod):
                    found = found.__func__
                if isinstance(found, types.FunctionType):
                    return found
                break
    return None


def describe(target: Any) -> str:
    """Describe a callable for an error message: ``module.Qualname (file:line)``.

    Works for functions, methods, classes, partials and callable instances;
    never raises.
    """
    try:
        name = _qualified_name(target)
        function = _defining_function(target)
        code = getattr(function, "__code__", None)
        if code is not None:
            return f"{name} ({code.co_filename}:{code.co_firstlineno})"
        module = sys.modules.get(getattr(target, "__module__", None) or "")
        filename = getattr(module, "__file__", None)
        return f"{name} ({filename})" if filename else name
    except Exception:
        return repr(target)


def _qualified_name(target: Any) -> str:
    if isinstance(target, functools.partial):
        return f"functools.partial({_qualified_name(target.func)})"
    if isinstance(target, types.MethodType):
        target = target.__func__
    elif not isinstance(target, (type, types.FunctionType, types.BuiltinFunctionType)) and callable(
        target
    ):
        cls = type(target)
        return f"{cls.__module__}.{cls.__qualname__}.__call__"
    module = getattr(target, "__module__", None)
    qualname = getattr(target, "__qualname__", None) or getattr(target, "__name__", None)
    if qualname is None:
        return repr(target)
    return f"{module}.{qualname}" if module and module != "builtins" else str(qualname)


def annotation_name(annotation: Any) -> str:
    """Return a short, readable name of an annotation or key for messages."""
    if isinstance(annotation, type):
        module = annotation.__module__
        return (
            annotation.__qualname__
            if module == "builtins"
            else f"{module}.{annotation.__qualname__}"
        )
    return repr(annotation)
