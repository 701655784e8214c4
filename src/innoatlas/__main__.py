from innoatlas.cli import main

main()
