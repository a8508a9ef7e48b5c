from modelsearch.backends import elasticsearch8

from . import (
    DutchBackendMixin,
    DutchIndexMixin,
    EnglishMappingMixin,
    FailoverResultsMixin,
    IdsResultsMixin,
    QueryMixin,
    RetryMixin,
)


class Elasticsearch8Mapping(EnglishMappingMixin, elasticsearch8.Elasticsearch8Mapping):
    pass


class Elasticsearch8Index(DutchIndexMixin, elasticsearch8.Elasticsearch8Index):
    pass


class Elasticsearch8SearchQueryCompiler(QueryMixin, elasticsearch8.Elasticsearch8SearchQueryCompiler):
    mapping_class = Elasticsearch8Mapping


class Elasticsearch8SearchResults(FailoverResultsMixin, IdsResultsMixin, elasticsearch8.Elasticsearch8SearchResults):
    pass


class Elasticsearch8SearchBackend(RetryMixin, DutchBackendMixin, elasticsearch8.Elasticsearch8SearchBackend):
    mapping_class = Elasticsearch8Mapping
    index_class = Elasticsearch8Index
    query_compiler_class = Elasticsearch8SearchQueryCompiler
    results_class = Elasticsearch8SearchResults


SearchBackend = Elasticsearch8SearchBackend
