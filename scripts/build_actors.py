"""Mine the actor tables in src/eventwire/data/actors/ from the dev train split (see eventwire.actors.build)."""
from eventwire.actors.build import main

if __name__ == "__main__":
    main()
