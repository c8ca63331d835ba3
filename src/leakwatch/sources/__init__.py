"""Sources: everything that turns files (or, later, live feeds) into `Message`s."""
