"""The platform's Python runner: the server the agent keeps in a python function's container (faas-agent --server).

    python3 faas-python.py serve|check json|pickled CODE [MODULE:FUNCTION]

CODE is the function's code as the node mounted it: a .py module, a .zip or .tar.gz archive of a package, or a dill
pickle of a callable. Requests come on fd 3 (u32 length, then the input); each reply goes to fd 4 (i32 status, u32
length, then "Type: message" of the exception, if any) after the result went to stdout. What the function prints
goes to stderr, the task's logs, with the traceback of anything it raises.

json:    the input is JSON, passed to the function; its return value, JSON-encoded, is the result.
pickled: the input is base64 of a dill-pickled (args, kwargs); the result is base64 of the dill-pickled return value,
         or of the exception it raised.
check:   each request is answered with what is wrong with the code (empty when nothing is): source must compile,
         a pickle must deserialize into a callable. Nothing of the function runs but its unpickling.
"""
import base64
import importlib
import json
import os
import struct
import sys
import tarfile
import traceback
import zipfile

REQUESTS, REPLIES = 3, 4
EXTRACTED = "/tmp/faas-code"
MAX_TEXT = 4096


def describe(error):
    kind = type(error)
    name = kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"
    return (f"{name}: {error}" if str(error) else name)[:MAX_TEXT]


def read_exact(fd, size):
    chunks = []
    while size:
        chunk = os.read(fd, size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def safe_members(archive):
    """Regular files and folders inside the extraction folder only (what tarfile's data filter allows, for older Pythons)."""
    for member in archive.getmembers():
        parts = member.name.split("/")
        if (member.isfile() or member.isdir()) and not member.name.startswith("/") and ".." not in parts:
            yield member


def import_path(code):
    """What goes on sys.path for CODE: its folder, the zip itself, or where the tar archive was extracted."""
    if code.endswith(".py"):
        return os.path.dirname(code)
    if code.endswith(".zip"):
        return code
    os.makedirs(EXTRACTED, exist_ok=True)
    with tarfile.open(code) as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(EXTRACTED, filter="data")
        else:
            archive.extractall(EXTRACTED, members=list(safe_members(archive)))
    return EXTRACTED


def load(kind, code, entry):
    if kind == "pickled":
        import dill
        with open(code, "rb") as file:
            function = dill.load(file)
        # dill pickles a function of the client's own script by value, its globals by reference to __main__, which here
        # is this runner: give it its own name there, as its script did, so that it can call itself (recursion).
        main = sys.modules["__main__"].__dict__
        if getattr(function, "__globals__", None) is main:
            main.setdefault(function.__name__, function)
    else:
        sys.path.insert(0, import_path(code))
        module, _, name = entry.partition(":")
        function = getattr(importlib.import_module(module), name)
    if not callable(function):
        raise TypeError(f"{entry or 'the pickled object'} is not callable but {type(function).__name__}")
    return function


def sources(code):
    """(name, bytes) of every Python file in CODE."""
    if code.endswith(".py"):
        with open(code, "rb") as file:
            yield os.path.basename(code), file.read()
    elif code.endswith(".zip"):
        with zipfile.ZipFile(code) as archive:
            for name in archive.namelist():
                if name.endswith(".py"):
                    yield name, archive.read(name)
    else:
        with tarfile.open(code) as archive:
            for member in safe_members(archive):
                if member.isfile() and member.name.endswith(".py"):
                    yield member.name, archive.extractfile(member).read()


def check(kind, code, entry):
    """What is wrong with the code, or "" when it compiles (source) or deserializes into a callable (pickled)."""
    try:
        if kind == "pickled":
            load(kind, code, entry)
            return ""
        names = set()
        for name, text in sources(code):
            compile(text, name, "exec", dont_inherit=True)
            names.add(name.removeprefix("./"))
        module = entry.partition(":")[0].replace(".", "/")
        if not code.endswith(".py") and not {f"{module}.py", f"{module}/__init__.py"} & names:
            return f"ModuleNotFoundError: the archive has no module '{entry.partition(':')[0]}' ({module}.py or {module}/__init__.py)"
        return ""
    except BaseException as error:  # noqa: B036 - whatever unpickling raises is the caller's answer
        return describe(error)


def call(function, load_error, kind, body, results):
    """Runs one request; returns the status and the exception's text."""
    try:
        if load_error is not None:
            raise load_error
        if kind == "pickled":
            import dill
            args, kwargs = dill.loads(base64.b64decode(body))
            write_all(results, base64.b64encode(dill.dumps(function(*args, **kwargs))))
        else:
            value = function(json.loads(body) if body.strip() else None)
            write_all(results, json.dumps(value).encode())
        return 0, b""
    except BaseException as error:  # noqa: B036 - SystemExit and KeyboardInterrupt fail the task too
        sys.stdout.flush()
        traceback.print_exc()
        if kind == "pickled":
            try:
                import dill
                write_all(results, base64.b64encode(dill.dumps(error)))
            except Exception:  # an exception that cannot be pickled still fails the task, with its text
                pass
        return 1, describe(error).encode()


def reap():
    """Collects the children an earlier request left (the agent killed them after it), so none stays a zombie."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass
    except ChildProcessError:
        pass


def main(mode, kind, code, entry=""):
    results = os.dup(1)
    os.dup2(2, 1)  # Only the result goes to stdout; whatever else is written there joins the logs.
    for fd in (REQUESTS, REPLIES):
        os.set_inheritable(fd, False)
    function = load_error = None
    if mode == "serve":
        try:
            function = load(kind, code, entry)
        except BaseException as error:  # noqa: B036 - every request then fails with it
            load_error = error
    while (header := read_exact(REQUESTS, 4)) is not None:
        body = read_exact(REQUESTS, struct.unpack("<I", header)[0]) or b""
        reap()
        if mode == "check":
            write_all(results, check(kind, code, entry).encode())
            status, text = 0, b""
        else:
            status, text = call(function, load_error, kind, body, results)
        sys.stdout.flush()
        sys.stderr.flush()
        write_all(REPLIES, struct.pack("<iI", status, len(text)) + text)


if __name__ == "__main__":
    main(*sys.argv[1:])
