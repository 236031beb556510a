"""Research studies: a protocol, versioned consent, eligibility, enrolment under a random
pseudonym, the participant monitor and the pseudonymised export (docs/studies.md)."""
