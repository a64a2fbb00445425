"""An MPCS FaaS client as its users wrote them: functions of this script, dill-pickled by value, sent over plain HTTP."""
import base64
import json
import sys
import time
import urllib.error
import urllib.request

import dill

BASE = sys.argv[1]
PATIENCE = 60


def serialize(obj):
    return base64.b64encode(dill.dumps(obj)).decode()


def deserialize(text):
    return dill.loads(base64.b64decode(text))


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def register(fn):
    return call("POST", "/register_function", {"name": fn.__name__, "payload": serialize(fn)})["function_id"]


def execute(function_id, *args, **kwargs):
    return call("POST", "/execute_function", {"function_id": function_id, "payload": serialize((args, kwargs))})["task_id"]


def wait(task_id):
    """Polls status until the task finished, and returns every status seen and the result."""
    seen = []
    deadline = time.monotonic() + PATIENCE
    while True:
        status = call("GET", f"/status/{task_id}")
        assert status["task_id"] == task_id, status
        if not seen or seen[-1] != status["status"]:
            seen.append(status["status"])
        if status["status"] in ("COMPLETED", "FAILED"):
            return seen, call("GET", f"/result/{task_id}")
        assert time.monotonic() < deadline, f"{task_id} did not finish: {seen}"
        time.sleep(0.05)


def add(a, b=0):
    return a + b


def greet(name, punctuation="!"):
    return f"Hello, {name}{punctuation}"


def divmod_pair(a, b):
    return (a // b, a % b, [a, b])


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def slow(seconds):
    import time as clock
    clock.sleep(seconds)
    return seconds




def withdraw(amount):
    raise ValueError(f"cannot withdraw {amount}")


def check(fn, args, kwargs, expected):
    function_id = register(fn)
    seen, result = wait(execute(function_id, *args, **kwargs))
    assert result["status"] == "COMPLETED", (fn.__name__, seen, result)
    value = deserialize(result["result"])
    assert value == expected and type(value) is type(expected), (fn.__name__, value, expected)
    print(f"{fn.__name__}: {value!r}")


check(add, (2, 3), {}, 5)
check(add, (2.5,), {"b": 0.25}, 2.75)
check(greet, ("Ada",), {"punctuation": "?"}, "Hello, Ada?")
check(divmod_pair, (17, 5), {}, (3, 2, [17, 5]))
check(fib, (15,), {}, 610)

slow_id = register(slow)
seen, result = wait(execute(slow_id, 1.5))
assert seen[-1] == "COMPLETED" and ("QUEUED" in seen or "RUNNING" in seen), seen
assert deserialize(result["result"]) == 1.5, result
print(f"slow: {' -> '.join(seen)}")

seen, result = wait(execute(register(withdraw), 20))
assert result["status"] == "FAILED", result
error = deserialize(result["result"])
assert type(error) is ValueError and str(error) == "cannot withdraw 20", repr(error)
try:
    raise error
except ValueError as raised:
    print(f"withdraw: FAILED, raised {raised!r}")

try:
    call("GET", "/status/" + "0" * 8 + "-0000-0000-0000-" + "0" * 12)
    raise AssertionError("an unknown task was found")
except urllib.error.HTTPError as e:
    assert e.code == 404 and "detail" in json.loads(e.read()), e.code
    print("unknown task: 404")
