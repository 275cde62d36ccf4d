"""No module of the bot imports, directly or through others, a module that imports it back.

Cycles are what made features impossible to move apart (handlers that imported each other
inside functions to dodge them). Imports under ``TYPE_CHECKING`` do not run and do not count.
"""

import grimp

PACKAGES = ("bot", "handlers", "schedules", "intake", "broadcast", "storage", "domain")


def test_there_are_no_import_cycles() -> None:
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True, cache_dir=None)
    cycles = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None:
                cycles.append(" -> ".join((module, *back)))
    assert cycles == []
