"""``Resource``: the lazy, read-only attribute view over the loaded links (``Resource.MyBucket.name``)."""

from __future__ import annotations

import os
from typing import Any, Callable, Iterator, List, Mapping, Optional, Tuple

from ._errors import NotFoundError, SSTError
from ._load import Links, load

NOT_ACTIVE = (
    "It does not look like SST links are active. If this is in local development and you are not starting "
    "this process through the multiplexer, wrap your command with `sst dev -- <command>`"
)


class LinkedValue:
    """A JSON object inside a link, read by attribute (``v.name``) or by key (``v["name"]``).

    Methods would shadow properties of the same name, so the public surface is dunders plus ``_asdict()``.
    """

    __slots__ = ("__data", "__path")

    def __init__(self, data: Mapping[str, Any], path: Tuple[str, ...]) -> None:
        self.__data = data
        self.__path = path

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> Any:
        try:
            value = self.__data[name]
        except (KeyError, TypeError):
            raise NotFoundError(f'"{".".join(self.__path)}" has no property "{name}"') from None
        return _wrap(value, self.__path + (name,))

    def __contains__(self, name: object) -> bool:
        return name in self.__data

    def __iter__(self) -> Iterator[str]:
        return iter(self.__data)

    def __len__(self) -> int:
        return len(self.__data)

    def __dir__(self) -> List[str]:
        return list(self.__data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LinkedValue):
            return self.__data == other.__data
        return self.__data == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<{'.'.join(self.__path)} {self.__data!r}>"

    def _asdict(self) -> Any:
        """A plain deep copy of this object, for code that wants dicts (e.g. ``json.dumps``)."""
        return _plain(self.__data)


class ResourceProxy:
    """The top-level view: every linked name plus ``App``. Loads on first access, then keeps the result.

    Two threads racing on the first access may both load; both get the same links, so no lock is taken.
    """

    __slots__ = ("__loader", "__env", "__links", "__error")

    def __init__(self, loader: Callable[[], Links], env: Mapping[str, str]) -> None:
        self.__loader = loader
        self.__env = env
        self.__links: Optional[Links] = None
        self.__error: Optional[SSTError] = None

    @classmethod
    def from_env(cls, env: Mapping[str, str], cwd: str) -> "ResourceProxy":
        """A view over an explicit environment and working directory (tests, tools), independent of ``os.environ``."""
        return cls(lambda: load(env, cwd), env)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> Any:
        links = self._links()
        if name in links:
            return _wrap(links[name], (name,))
        if "App" not in links:
            raise NotFoundError(NOT_ACTIVE)
        message = f'"{name}" is not linked in your sst.config.ts'
        function = self.__env.get("AWS_LAMBDA_FUNCTION_NAME")
        if function:
            message += f" to {function}"
        raise NotFoundError(message)

    def __contains__(self, name: object) -> bool:
        return name in self._links()

    def __iter__(self) -> Iterator[str]:
        return iter(self._links())

    def __len__(self) -> int:
        return len(self._links())

    def __dir__(self) -> List[str]:
        return list(self._links())

    def __repr__(self) -> str:
        return "<sst.Resource>"

    def _asdict(self) -> Links:
        """Every link as plain dicts, after loading."""
        return _plain(self._links())

    def _links(self) -> Links:
        if self.__links is None:
            if self.__error is not None:
                raise self.__error.with_traceback(None)
            try:
                self.__links = self.__loader()
            except SSTError as e:
                self.__error = e
                raise
        return self.__links


def _wrap(value: Any, path: Tuple[str, ...]) -> Any:
    if isinstance(value, dict):
        return LinkedValue(value, path)
    if isinstance(value, list):
        return [_wrap(item, path + (str(i),)) for i, item in enumerate(value)]
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


Resource = ResourceProxy(lambda: load(os.environ, os.getcwd()), os.environ)
