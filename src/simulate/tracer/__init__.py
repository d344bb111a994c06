"""Runs Python snippets under sys.monitoring and records memlane traces (format v1).

Loaded once into Pyodide by install-tracer.mjs. The host calls start_session() once (it locks the interpreter
down and returns the runner), then for every snippet prepare_run(), the runner, and finish_run(); it restores
the interpreter's memory after each run. The tracer never keeps a strong reference to a user object between
two events: identities are remembered by address plus a weakref (where the type allows it) or the type and repr.

Modules, from the ground up: pinned (the stdlib as it was at load), kinds (the types and names told apart,
read without running snippet code), guard (the audit hook), stubs (what snippets see instead), limits, reprs
(values in words), identity, frames, encode, cycles, freed, snapshot (one step's heap), recorder (events to
steps), owned (what the tracer owns, hidden from gc), event_loop (asyncio's loop on a virtual clock), loop_frame
(that loop drawn as a frame), lockdown (applying the guard once), run (one snippet).
"""
from .run import finish_run, forget_runs, prepare_run, start_session

__all__ = ["finish_run", "forget_runs", "prepare_run", "start_session"]
