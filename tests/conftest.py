"""Suite-wide settings."""

from hypothesis import settings

# The machines that run this suite are small and shared: no test may depend on timing, Hypothesis' per-example
# deadline included. Properties are checked on values, never on speed.
settings.register_profile("fib", deadline=None, print_blob=True)
settings.load_profile("fib")
