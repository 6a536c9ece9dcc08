"""fib: Fibonacci numbers of any size over HTTP, one ASGI app for every cloud."""

from importlib.metadata import PackageNotFoundError, version

try:
    # Deployment packages carry a build stamp (version + git commit) written by `make package`.
    from fib_core._build import VERSION as __version__  # type: ignore[import-not-found,unused-ignore]
except ImportError:
    try:
        __version__ = version("fib")
    except PackageNotFoundError:  # a source tree that was never installed
        __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
