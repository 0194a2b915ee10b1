"""Dutch analysis for Wagtail's Elasticsearch/OpenSearch backends (used when SEARCH_URL is set).

Decompounding and synonyms are done by the shared analysis and query code (the `zoekvormen`
field and query expansion), so every backend finds the same compounds and abbreviations;
the engine adds its own Dutch stemmer and stop words to every text field.
"""

DUTCH_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
                "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
            },
            "analyzer": {
                # `default` applies to every text field Wagtail maps without an analyzer of its own.
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"],
                },
            },
        }
    }
}
