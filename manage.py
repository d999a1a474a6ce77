#!/usr/bin/env python
"""Django's manage.py, kept for developers' habits; `wellboard` is the same thing."""

from wellboard.cli import main

if __name__ == "__main__":
    main()
