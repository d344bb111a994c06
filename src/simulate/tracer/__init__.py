"""Runs one Python snippet under sys.settrace and records a memlane trace (format v1).

Loaded once into Pyodide by install-tracer.mjs; `run_snippet` is called for every snippet.
The tracer never keeps a strong reference to a user object between two events: identities
are remembered by id() plus a weakref (where the type allows it) or the type and repr.

Modules, from the ground up: pinned (the stdlib as it was at load), guard (what a snippet may
not reach), kinds (the types and names told apart), limits, reprs (values in words), identity,
frames, encode, cycles, freed, snapshot (one step's heap), recorder (events to steps),
isolation (undoing a snippet's changes), run (one snippet, start to end).
"""
from .run import run_snippet

__all__ = ["run_snippet"]
