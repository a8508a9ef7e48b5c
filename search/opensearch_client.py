"""opensearch-py, imported past a clash of module names.

opensearch-py's metrics import ``Events`` from the PyPI package ``events``, a module name that
Wiel's events app takes first on the path. The client is therefore imported once with the
package's own ``events`` in its place, and Wiel's app is put back at once; only the client keeps
a reference to the package's ``Events`` class.
"""

import importlib.util
import sys
from importlib import metadata

EVENTS = "events"


def _events_modules():
    return [name for name in sys.modules if name == EVENTS or name.startswith(f"{EVENTS}.")]


def import_opensearchpy():
    if "opensearchpy" in sys.modules:
        return sys.modules["opensearchpy"]
    package = metadata.distribution("Events").locate_file(EVENTS)
    spec = importlib.util.spec_from_file_location(
        EVENTS, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    library = importlib.util.module_from_spec(spec)
    ours = {name: sys.modules.pop(name) for name in _events_modules()}
    sys.modules[EVENTS] = library
    try:
        spec.loader.exec_module(library)
        import opensearchpy  # noqa: PLC0415 (after the swap above)
        import opensearchpy.helpers  # noqa: F401, PLC0415
    finally:
        for name in _events_modules():
            del sys.modules[name]
        sys.modules.update(ours)
    return opensearchpy


opensearchpy = import_opensearchpy()
