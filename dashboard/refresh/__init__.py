"""`make refresh`: re-pull the raw snapshots from the public APIs, never losing a good one."""
