"""fib: Fibonacci numbers of any size over HTTP, one ASGI app for every cloud."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("fib")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
