from corpusdiff.cli.main import main

main()
