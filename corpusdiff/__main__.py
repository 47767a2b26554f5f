from corpusdiff.cli import main

main()
