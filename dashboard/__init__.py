"""China–Russia figures: cited tidy tables and the Dash app that charts them."""
