"""The one schema: fields, vocabularies, units, ids, plausibility and the verdict rule.

Both sides import it and nothing else of each other: the pipeline (`dashboard.etl`) writes
the published tables under it, and the app reads them back through `published.load`.
"""
