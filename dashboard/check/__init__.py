"""Check any claim: find the China–Russia figures in a text and judge each against the record."""
