"""Accounts: sign-up, login, time zone, tokens, and a person's right to export and erase."""
