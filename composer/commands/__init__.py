"""Command-line commands, one module per feature; each has `register(subparsers)`."""
