"""Journal JSON v1 and Markdown: pure render/parse functions, plus thin file readers and writers."""
