"""One thin entry point per cloud; each only wires fib_core's ASGI app to its platform."""
