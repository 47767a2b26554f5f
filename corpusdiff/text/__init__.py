"""Chinese-text primitives every stage shares: character classes and display width, the one
sentence splitter, punctuation and spacing rules, numbering markers, figures, jieba
segmentation (its disk store handed in from the edge, `stores.use`), TF-IDF vectors."""
