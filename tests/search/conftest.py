from tests.newsletters.conftest import newsletters  # noqa: F401 (a fixture shared with the newsletter tests)
