"""Property-based: whatever a reader types, search answers with a normal page (database backend),
and the query Wiel would hand Elasticsearch is built without error."""

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.params import has_control_characters
from practices.models import PracticePage
from search.backends import elasticsearch8
from search.query import backend_query, clean_query

# Anything a browser can send in a URL: every Unicode character except lone surrogates (those
# cannot be encoded; undecodable bytes are tested in test_search.py).
typed = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300) | st.sampled_from(
    ['"', '"a', 'a"b"c"', "*", "a AND (b OR", "title:x^3", "-", "+a -b", "NEAR(a b)", "\\", "%", "' OR 1=1 --"]
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.slow
@pytest.mark.django_db
@SETTINGS
@given(text=typed)
def test_any_query_gets_a_normal_results_page(site_tree, text):
    response = Client().get("/zoeken/", {"q": text, "soort": ["praktijk", "onbekend"]})
    if has_control_characters(text):  # refused before any view (core.params.QueryStringGuard)
        assert response.status_code == 400
        return
    assert response.status_code == 200
    assert len(response.context["query"]) <= 200


@pytest.mark.slow
@pytest.mark.django_db
@SETTINGS
@given(text=typed)
def test_any_query_builds_an_elasticsearch_request(text):
    backend = elasticsearch8.SearchBackend({"URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1})
    query = clean_query(text)
    if not query:
        return
    results = backend.search(backend_query(backend, query), PracticePage.objects.live())
    body = json.loads(json.dumps(results.query_compiler.get_query()))  # what goes over the wire
    searched = list(_query_strings(body))
    assert searched and all(text == query for text in searched), (query, body)  # the words as typed


def _query_strings(node):
    """Every string that the request body hands Elasticsearch to search for (its "query" keys)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "query" and isinstance(value, str):
                yield value
            else:
                yield from _query_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _query_strings(value)
