# The text of the output formats (summaries, footers, labels), ids `out-...`.
