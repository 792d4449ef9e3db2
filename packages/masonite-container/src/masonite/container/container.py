"""The service container: bindings, resolution by annotation, request scopes, hooks.

Keys are strings (``'Request'``) or classes (``simple(obj)`` binds under the
object's class). What a key is bound to decides what ``make`` returns:

* an instance (anything that is not a class) comes back as is;
* a class is built on every ``make`` by resolving its constructor;
* a ``singleton`` is built once, on first use, and shared by every scope.

Lookups by class (``make(Mailer)``, or a parameter annotated ``mailer: Mailer``)
find the binding whose value is that class, a subclass, or an instance of either:
a binding of exactly that type wins, otherwise the first such binding in the
order they were made. ``bind`` keeps a per-container index of those answers up to
date (for the bound class and each of its bases), so a lookup by class is a dict
lookup, never a scan. Virtual subclasses of ABCs and runtime-checkable protocols
are honoured too: when no binding derives from such a class, the bindings are
checked with ``isinstance``/``issubclass``.

``scope()`` opens a child container (one per HTTP request): its bindings shadow
the parent's and never leak into it, everything else is looked up in the parent
chain, so a scope costs a few empty dicts, not a copy.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, overload

from masonite.container import messages
from masonite.container.errors import ContainerError
from masonite.container.family import Family, Local
from masonite.container.hooks import Hook
from masonite.container.index import index_binding
from masonite.container.patterns import binding_filter
from masonite.container.plan import (
    ARG,
    EMPTY,
    KEYWORD,
    METHOD_PLANS,
    OPTIONAL,
    PLANS,
    POSITIONAL,
    SELF,
    Plan,
    plan_for,
)
from masonite.container.recipe import MISSING, Recipe

__all__ = ["App", "Container"]

T = TypeVar("T")
R = TypeVar("R")
C = TypeVar("C", bound="Container")

_MethodType = types.MethodType
_new = object.__new__
_NO_KWARGS: dict[str, Any] = {}  # never written: _call only reads the kwargs it is given
_NO_READY: dict[type, Any] = {}  # never written: the index when it must not be used


class Container:
    """The service container (also exported as ``App``).

    Args:
        strict: Refuse to rebind a key already bound in the same container (raise
            :class:`StrictContainerException`), and never build a class found by
            annotation that nothing is bound for (raise
            :class:`MissingContainerBindingNotFound` instead).
        override: When ``False``, binding a key that is already bound keeps the
            first value and silently ignores the new one. ``strict`` wins over it.

    Scopes share these settings with their root. A scope may always bind a key
    its parent has (shadowing is what scopes are for): the settings are about
    rebinding a key within one container.

    Thread safety: any number of threads may read a container (``make``,
    ``resolve``, ``has``, ``collect``) while others bind into it or into their
    own scopes; binds into a root container are serialized; singletons are built
    once even when several threads ask for one first at the same time. A scope
    is meant for one request, that is one thread at a time.
    """

    __slots__ = ("_answers", "_bindings", "_family", "_local", "_parent", "_ready")

    def __init__(self, strict: bool = False, override: bool = True) -> None:
        self._family = Family(strict, override)
        self._parent: Container | None = None
        self._bindings: dict[Any, Any] = {}  # key -> instance, or Recipe for classes
        # The index of lookups by class, kept up to date by bind: class -> key of
        # the binding that answers it here (exact type first, else the first
        # binding deriving from it), and class -> instance for the answers that
        # are plain instances, which resolve() hands out with no further work.
        self._answers: dict[type, Any] = {}
        self._ready: dict[type, Any] = {}
        self._local: Local | None = None

    @property
    def strict(self) -> bool:
        """Whether the container (with its scopes) is strict; see the class docs."""
        return self._family.strict

    @strict.setter
    def strict(self, value: bool) -> None:
        self._family.strict = value

    @property
    def override(self) -> bool:
        """Whether rebinding a key replaces its value (``False``: the first stays)."""
        return self._family.override

    @override.setter
    def override(self, value: bool) -> None:
        self._family.override = value

    @property
    def parent(self) -> Container | None:
        """The container this scope was opened from (``None`` for a root)."""
        return self._parent

    # -- binding -----------------------------------------------------------------

    def bind(self: C, key: str | type, obj: Any) -> C:
        """Bind ``obj`` under ``key``.

        A class is stored as a recipe: ``make`` builds it each time. Anything else
        is returned as is.

        Args:
            key: A string or a class.
            obj: The object or class to bind.

        Returns:
            The container, so calls can be chained.

        Raises:
            StrictContainerException: The container is strict and ``key`` is
                already bound in it.
            ContainerError: ``key`` is neither a string nor a class.
        """
        bindings = self._bindings
        # PERF: what every request does (a scope binding Request, Response,
        # Environ: new string keys, instances, no hooks) skips the general path:
        # one _put call and a lock fewer per bind.
        if (
            type(key) is str
            and self._parent is not None
            and key not in bindings
            and not isinstance(obj, type)
            and self._family.plain
        ):
            bindings[key] = obj
            cls = type(obj)
            answers = self._answers
            if cls not in answers:
                # What index_binding does for a class nothing here answers yet, inline.
                ready = self._ready
                answers[cls] = key
                ready[cls] = obj
                mro = cls.__mro__
                if len(mro) > 2:
                    # PERF: a subclass (such as the Request class with a lazy session
                    # that masonite.providers builds) indexes its bases here too, with
                    # no index_binding call: scope().bind() 697 -> 608 ns (timeit,
                    # Python 3.11 on the 2-core dev machine).
                    for base in mro[1:-1]:
                        if base not in answers:
                            answers[base] = key
                            ready[base] = obj
            else:
                index_binding(answers, self._ready, bindings, key, obj)
            return self
        return self._put(
            "bind", key, Recipe(obj, shared=False) if isinstance(obj, type) else obj, obj
        )

    def simple(self: C, obj: Any) -> C:
        """Bind ``obj`` under its own class (under itself when it is a class).

        Returns:
            The container.
        """
        return self.bind(obj if isinstance(obj, type) else type(obj), obj)

    def singleton(self: C, key: str | type, cls: Callable[..., Any]) -> C:
        """Bind ``cls`` to be built once, on first use, and shared afterwards.

        The instance is built by resolving ``cls``'s constructor in the container
        that holds the binding (never in a request scope, whose objects must not
        outlive the request), and every scope of that container shares it. A
        class is found by lookups by type before it is built; a factory function
        only by its key.

        Args:
            key: A string or a class.
            cls: A class, or any callable whose parameters the container resolves.

        Returns:
            The container.

        Raises:
            ContainerError: ``cls`` is not callable.
        """
        if not callable(cls):
            raise ContainerError(
                f"singleton({messages.key_name(key)}, ...) needs a class or a callable to build "
                f"the instance from, got {cls!r}; to share an existing object use bind()",
                key=key,
            )
        return self._put("singleton", key, Recipe(cls, shared=True), cls)

    def _put(self: C, method: str, key: Any, stored: Any, shown: Any) -> C:
        if type(key) is not str and not isinstance(key, (str, type)):
            raise messages.bad_key(method, key)
        family = self._family
        lock = family.lock if self._parent is None else None
        if lock is not None:
            lock.acquire()
        try:
            bindings = self._bindings
            if key in bindings:
                if family.strict:
                    raise messages.strict_rebind(key, bindings[key])
                if not family.override:
                    return self  # override=False keeps the first value, silently
                bindings[key] = stored
                answers: dict[type, Any] = {}
                ready: dict[type, Any] = {}
                for each, value in bindings.items():
                    index_binding(answers, ready, bindings, each, value)
                # Replaced whole, never emptied in place: a reader in another
                # thread keeps a consistent (old) view.
                self._answers, self._ready = answers, ready
                if self._local is not None:
                    self._local.scanned = {}
            else:
                bindings[key] = stored
                index_binding(self._answers, self._ready, bindings, key, stored)
        finally:
            if lock is not None:
                lock.release()
        if not family.plain:
            self._fire("bind", (key,), shown)
        return self

    # -- making ------------------------------------------------------------------

    @overload
    def make(self, key: type[T], /, *args: Any) -> T: ...

    @overload
    def make(self, key: str, /, *args: Any) -> Any: ...

    def make(self, key: Any, /, *args: Any) -> Any:
        """Return what ``key`` is bound to, building classes.

        A string key must be bound (here or in a parent). A class key is looked up
        as a key first, then by type: a binding whose value is that class, a
        subclass, or an instance of either, in this container, then in its
        parents. A swap of that class wins over both, and asking for the
        container class itself gives this container.

        Args:
            key: A string or a class.
            *args: Positional arguments for the constructor of a bound class
                (they fill its parameters that are not injected).

        Raises:
            MissingContainerBindingNotFound: Nothing answers ``key``.
            ContainerError: Arguments were given for an instance or a singleton,
                or building the class failed.
        """
        # PERF: a string key bound to an instance (or a built singleton) is a
        # dict lookup per container in the chain, an instance this container
        # holds for a class is two; everything else takes _make.
        if not args and self._family.plain:
            if type(key) is str:
                container: Container | None = self
                while container is not None:
                    stored = container._bindings.get(key, MISSING)
                    if stored is not MISSING:
                        if type(stored) is not Recipe:
                            return stored
                        if not stored.shared:
                            return self._build(stored.factory, (), ())
                        if stored.instance is not MISSING:
                            return stored.instance
                        break
                    container = container._parent
            elif isinstance(key, type) and key not in self._bindings:
                value = self._ready.get(key, MISSING)
                if value is not MISSING and not issubclass(key, Container):
                    return value
        return self._make(key, args)

    def _make(self, key: Any, args: tuple[Any, ...]) -> Any:
        if not isinstance(key, (str, type)):
            raise messages.bad_key("make", key)
        plain = self._family.plain
        if isinstance(key, type):
            if not plain:
                swapped = self._swapped(key)
                if swapped is not MISSING:
                    value = self._from_swap(swapped, key, ())
                    self._fire("make", (key,), value)
                    return value
            if issubclass(key, Container) and isinstance(self, key):
                return self
        found = self._find(key)
        if found is None:
            raise messages.not_bound(key, (k for c in self._lineage() for k in c._bindings))
        owner, found_key, stored = found
        value = self._produce(owner, found_key, stored, args, ())
        if not plain:
            self._fire("make", (key,) if found_key == key else (key, found_key), value)
        return value

    def _find(self, key: Any) -> tuple[Container, Any, Any] | None:
        """Find the binding that answers ``key``: (owner, binding key, stored value)."""
        by_type = isinstance(key, type)
        container: Container | None = self
        while container is not None:
            stored = container._bindings.get(key, MISSING)
            if stored is not MISSING:
                return container, key, stored
            if by_type:
                found = container._type_key(key)
                if found is not MISSING:
                    return container, found, container._bindings[found]
            container = container._parent
        return None

    def _type_key(self, cls: type) -> Any:
        """Return the key of this container's binding that answers ``cls``, or MISSING."""
        answers = self._answers
        key = answers.get(cls, MISSING)
        if key is MISSING and type(cls) is not type:
            key = self._scan(cls, answers)
        return key

    def _scan(self, cls: type, answers: dict[type, Any]) -> Any:
        """Find a binding that a class with a custom metaclass accepts.

        An ABC (through ``register``) or a runtime-checkable Protocol may accept
        values that do not derive from it, which the index cannot know. The first
        such binding is remembered (a later bind cannot change which one is first;
        a rebind forgets them all); a miss is not, so it costs a scan each time.
        """
        local = self._local
        if local is not None:
            key = local.scanned.get(cls, MISSING)
            if key is not MISSING:
                return key
        for each, stored in tuple(self._bindings.items()):
            try:
                if type(stored) is Recipe:
                    hit = stored.lookup_type is not None and issubclass(stored.lookup_type, cls)
                else:
                    hit = isinstance(stored, cls)
            except TypeError:  # a Protocol that is not runtime-checkable
                hit = False
            if hit:
                if self._answers is answers:  # no rebind since the scan began
                    if local is None:
                        with self._family.lock:
                            local = self._own_local()
                    scanned = local.scanned
                    scanned[cls] = each
                    if self._answers is not answers:  # a rebind raced the write
                        scanned.pop(cls, None)
                return each
        return MISSING

    def _produce(
        self,
        owner: Container,
        key: Any,
        stored: Any,
        args: tuple[Any, ...],
        chain: tuple[Any, ...],
    ) -> Any:
        """Turn a stored binding into the object handed out."""
        if type(stored) is not Recipe:
            if args:
                raise messages.arguments_refused(key, stored, len(args))
            return stored
        if stored.shared:
            if args:
                raise messages.arguments_refused(key, stored, len(args))
            # Built in the container that holds the binding: a singleton made
            # first inside a request scope must not capture that request.
            return stored.shared_instance(lambda: owner._build(stored.factory, (), chain))
        # A class binding is built in the asking container, so its constructor
        # sees the request scope's bindings.
        return self._build(stored.factory, args, chain)

    def _build(self, factory: Any, args: tuple[Any, ...], chain: tuple[Any, ...]) -> Any:
        if factory in chain:
            raise messages.circular(chain, factory)
        try:
            plan = PLANS.get(factory) or plan_for(factory, Container)
        except TypeError:  # an unhashable callable object
            plan = plan_for(factory, Container)
        return self._call(factory, plan, args, _NO_KWARGS, (*chain, factory))

    def has(self, key: Any) -> bool:
        """Whether ``make(key)`` would find something (here or in a parent).

        For a class: a binding keyed by it, a binding whose value is it, a
        subclass or an instance of either, or a swap of it.
        """
        if isinstance(key, type):
            if self._swapped(key) is not MISSING:
                return True
            if issubclass(key, Container) and isinstance(self, key):
                return True
        elif not isinstance(key, str):
            return False
        return self._find(key) is not None

    def __contains__(self, key: Any) -> bool:
        return self.has(key)

    # -- resolving ---------------------------------------------------------------

    def resolve(self, target: Callable[..., R], /, *args: Any, **kwargs: Any) -> R:
        """Call ``target`` with its parameters resolved from the container.

        For each parameter, in order:

        * a keyword argument of the same name wins;
        * a parameter annotated with a class (``request: Request``) is injected:
          a swap of that class, else the binding found by type (here, then in the
          parents), else, with no binding, the class is built by resolving its
          constructor (a strict container raises instead). With a default, or
          annotated ``X | None``, it is injected only when something is bound,
          and keeps its default (or ``None``) otherwise. A parameter annotated
          with the container class receives this container;
        * any other parameter (no annotation, or ``str``, ``int``, ``Any``...,
          never looked up) takes the next positional argument, else its default.

        Extra positional arguments go to ``*args`` and unknown keyword arguments
        to ``**kwargs`` when the callable takes them. The plan of each callable is
        computed once and cached.

        Args:
            target: A function, bound method, class or callable object.
            *args: Values for the parameters that are not injected, in order.
            **kwargs: Values by parameter name; they win over injection.

        Returns:
            What ``target`` returns.

        Raises:
            ContainerError: A parameter cannot be resolved, arguments do not fit,
                or an annotation cannot be evaluated (the message names the
                parameter and the callable).
            MissingContainerBindingNotFound: A strict container has nothing bound
                for an annotated parameter.
        """
        # PERF: the caches are subscripted (a KeyError only the first time a callable
        # is resolved, or after the cache was emptied): a .get call costs more.
        try:
            plan = METHOD_PLANS[target.__func__] if type(target) is _MethodType else PLANS[target]
        except (KeyError, TypeError):  # not planned yet, or an unhashable callable
            plan = plan_for(target, Container)
        # PERF: when every parameter is a class that this very container holds an
        # instance of (a provider's boot(request: Request, response: Response) in a
        # request scope), the values are read from the index inline, with one branch
        # per common arity: no loop, no tuple, no itemgetter call (bench_container:
        # 293 ns -> 250 ns, 4.4x the 57 ns of calling boot by hand, where a resolve()
        # that only calls its target already costs 2.6x; Python 3.11 on the 2-core dev
        # machine; prepare() is the way under 3x). A value of the index is an
        # instance of its key, a class that is never NoneType, so None means "not here".
        if not (args or kwargs) and self._family.plain:
            size = plan.size
            if size == 2:
                ready = self._ready
                first = ready.get(plan.first)
                second = ready.get(plan.second)
                if first is not None and second is not None:
                    return target(first, second)
            elif size == 1:
                first = self._ready.get(plan.first)
                if first is not None:
                    return target(first)
            elif size == 0:
                return target()
            elif size > 2:
                get = self._ready.get
                values = [get(cls) for cls in plan.fast]  # type: ignore[union-attr]
                if all(value is not None for value in values):
                    return target(*values)
        return self._call(target, plan, args, kwargs, (target,) if isinstance(target, type) else ())  # type: ignore[no-any-return]

    def _call(
        self,
        target: Any,
        plan: Plan,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        chain: tuple[Any, ...],
    ) -> Any:
        positional: list[Any] = []
        keywords: dict[str, Any] = {}
        if self._family.plain:
            ready = self._ready
            # PERF: in a request scope, what the root holds (View, Config...) is
            # one more dict lookup when the scope has nothing for that class
            # (bench_container's controller case: 980 ns -> 840 ns).
            parent = self._parent
            answers = self._answers
        else:  # swaps or hooks somewhere: every injection takes _inject
            ready, parent, answers = _NO_READY, None, _NO_READY
        given = len(args)
        taken = matched = 0
        for name, mode, annotation, default, passing in plan.steps:
            if kwargs and passing != POSITIONAL and name in kwargs:
                value = kwargs[name]
                matched += 1
            elif mode == ARG:
                if passing != KEYWORD and taken < given:
                    value = args[taken]
                    taken += 1
                elif default is not EMPTY:
                    value = default
                else:
                    raise messages.no_value(plan, name, annotation, given)
            elif mode == SELF and isinstance(self, annotation):
                value = self
            else:
                value = ready.get(annotation, MISSING)
                if (
                    value is MISSING
                    and parent is not None
                    and annotation not in answers
                    and type(annotation) is type  # an ABC may accept a value of this scope
                ):
                    value = parent._ready.get(annotation, MISSING)
                if value is MISSING:
                    value = self._inject(plan, name, mode, annotation, default, chain)
            if passing == KEYWORD:
                keywords[name] = value
            else:
                positional.append(value)
        if taken < given:
            if not plan.var_positional:
                raise messages.too_many_arguments(plan, given, taken)
            positional.extend(args[taken:])
        if matched < len(kwargs):
            extra = {k: v for k, v in kwargs.items() if k not in plan.keyword_names}
            if not plan.var_keyword:
                raise messages.unexpected_keywords(plan, extra)
            keywords.update(extra)
        return target(*positional, **keywords)

    def _inject(
        self,
        plan: Plan,
        name: str,
        mode: int,
        cls: type,
        default: Any,
        chain: tuple[Any, ...],
    ) -> Any:
        """Return the value of parameter ``name`` annotated ``cls``."""
        plain = self._family.plain
        try:
            if not plain:
                swapped = self._swapped(cls)
                if swapped is not MISSING:
                    value = self._from_swap(swapped, cls, chain)
                    self._fire("resolve", (cls,), value)
                    return value
            container: Container | None = self
            while container is not None:
                value = container._ready.get(cls, MISSING)
                if value is not MISSING:
                    if not plain:
                        self._fire("resolve", (cls, container._answers.get(cls)), value)
                    return value
                key = container._answers.get(cls, MISSING)
                if key is MISSING and type(cls) is not type:
                    key = container._type_key(cls)
                if key is not MISSING:
                    stored = container._bindings[key]
                    value = self._produce(container, key, stored, (), chain)
                    if not plain:
                        self._fire("resolve", (cls, key), value)
                    return value
                container = container._parent
            if mode == OPTIONAL:
                return None if default is EMPTY else default
            if mode == SELF:  # asks for a container class this container is not
                raise messages.wrong_container(plan, name, cls, self)
            if self._family.strict:
                raise messages.not_injectable_strict(plan, name, cls)
            value = self._build(cls, (), chain)
        except ContainerError as exc:
            if exc.parameter != name or exc.target != plan.describe():
                exc.needed_by(name, plan.describe())
            raise
        if not plain:
            self._fire("resolve", (cls,), value)
        return value

    # -- collect, swap -------------------------------------------------------------

    def collect(self, search: str | type) -> dict[Any, Any]:
        """Return the bindings matching ``search`` as a dict of key to value.

        Args:
            search: A glob over string keys with exactly one ``*``
                (``'*Command'``, ``'Sentry*'``, ``'Sentry*Hook'``, ``'*'``), or a
                class: the bindings whose value is that class, a subclass, or an
                instance of either.

        Values are what is bound: instances as they are, classes unbuilt;
        singletons are given as their (shared) instance. A scope's bindings
        shadow its parents'.

        Raises:
            ContainerError: The pattern does not hold exactly one ``*``, or
                ``search`` is neither a string nor a class.
        """
        wanted = binding_filter(search)
        merged: dict[Any, tuple[Container, Any]] = {}
        for container in reversed(tuple(self._lineage())):
            for key, stored in tuple(container._bindings.items()):
                merged[key] = (container, stored)
        found: dict[Any, Any] = {}
        for key, (owner, stored) in merged.items():
            if wanted(key, stored):
                found[key] = self._public_value(owner, stored)
        return found

    def _public_value(self, owner: Container, stored: Any) -> Any:
        if type(stored) is not Recipe:
            return stored
        if stored.shared:
            return stored.shared_instance(lambda: owner._build(stored.factory, (), ()))
        return stored.factory

    def swap(self: C, cls: type, obj_or_callable: Any) -> C:
        """Replace what the container gives for ``cls`` from now on.

        Afterwards a parameter annotated ``cls`` (and ``make(cls)``) receives:
        ``obj_or_callable`` itself when it is an instance of ``cls`` or is not
        callable; a fresh build when it is a class; otherwise the result of
        calling it with the container (``fn(container)``), on every resolution.
        A swap made in a scope stays in that scope.

        Returns:
            The container.

        Raises:
            ContainerError: ``cls`` is not a class.
        """
        if not isinstance(cls, type):
            raise ContainerError(
                f"swap() replaces what a class resolves to: its first argument must be a class, "
                f"got {cls!r}; to replace a string key use bind()",
                key=cls,
            )
        with self._family.lock:
            self._own_local().swaps[cls] = obj_or_callable
            self._family.plain = False
        return self

    def _swapped(self, cls: type) -> Any:
        container: Container | None = self
        while container is not None:
            local = container._local
            if local is not None and cls in local.swaps:
                return local.swaps[cls]
            container = container._parent
        return MISSING

    def _from_swap(self, swapped: Any, cls: type, chain: tuple[Any, ...]) -> Any:
        try:
            if isinstance(swapped, cls):
                return swapped
        except TypeError:
            pass
        if isinstance(swapped, type):
            return self._build(swapped, (), chain)
        if callable(swapped):
            return swapped(self)
        return swapped

    def _own_local(self) -> Local:
        # Called with the family lock held, so two threads never make two.
        if self._local is None:
            self._local = Local()
        return self._local

    # -- hooks ---------------------------------------------------------------------

    def on_bind(self: C, key: str | type, fn: Hook) -> C:
        """Call ``fn(obj, container)`` each time ``key`` is bound.

        See :mod:`masonite.container.hooks` for which events a key sees.

        Returns:
            The container.
        """
        return self._add_hook("bind", key, fn)

    def on_make(self: C, key: str | type, fn: Hook) -> C:
        """Call ``fn(obj, container)`` with what ``make`` returns for ``key``.

        Returns:
            The container.
        """
        return self._add_hook("make", key, fn)

    def on_resolve(self: C, key: str | type, fn: Hook) -> C:
        """Call ``fn(obj, container)`` with what ``resolve`` injects for ``key``.

        Returns:
            The container.
        """
        return self._add_hook("resolve", key, fn)

    def _add_hook(self: C, event: str, key: Any, fn: Hook) -> C:
        if not isinstance(key, (str, type)):
            raise messages.bad_key(f"on_{event}", key)
        if not callable(fn):
            raise ContainerError(
                f"on_{event}({messages.key_name(key)}, fn): fn must be callable as "
                f"fn(obj, container), got {fn!r}",
                key=key,
            )
        with self._family.lock:
            self._own_local().hooks.add(event, key, fn)
            self._family.plain = False
        return self

    def _fire(self, event: str, keys: tuple[Any, ...], obj: Any) -> None:
        # Hooks of the parents first: they were set up before the scope existed.
        for container in reversed(tuple(self._lineage())):
            local = container._local
            if local is not None:
                for fn in local.hooks.matching(event, keys, obj):
                    fn(obj, self)

    # -- scopes --------------------------------------------------------------------

    def scope(self: C) -> C:
        """Open a child container, typically one per request.

        Bindings made in the child shadow the parent's and never reach it; the
        child sees everything of its parents (bindings, singletons, swaps,
        hooks), and injection plans are shared. A scope is three empty dicts:
        cheap enough to open one per HTTP request. It has the class of its
        parent; a subclass's own ``__init__`` does not run for it.
        """
        # PERF: no __init__ call and no copies: about 3 dict allocations' worth
        # (174 ns in bench/bench_container.py, Python 3.11). Tried and dropped: a
        # scope opened with its first binding given (the three dicts built with
        # their entry, no bind() call) ran 7.5k machine instructions against 7.3k
        # for scope() + bind() (callgrind, Python 3.11): bind's own checks are what
        # a request's scope costs, not the calls.
        child: C = _new(type(self))
        child._family = self._family
        child._parent = self
        child._bindings = {}
        child._answers = {}
        child._ready = {}
        child._local = None
        return child

    def _lineage(self) -> Iterator[Container]:
        container: Container | None = self
        while container is not None:
            yield container
            container = container._parent

    def __repr__(self) -> str:
        depth = sum(1 for _ in self._lineage()) - 1
        kind = f"scope (depth {depth})" if depth else "root"
        flags = (", strict" if self.strict else "") + ("" if self.override else ", override=False")
        return f"<{type(self).__name__} {kind}, {len(self._bindings)} bindings{flags}>"


#: Masonite 2's name for the container.
App = Container
