"""`make data`: rebuild the tidy tables in datasets/tidy from the raw snapshots in datasets/raw."""
