from newskit.cli import main

main()
