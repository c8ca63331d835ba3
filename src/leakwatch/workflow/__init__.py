"""The notice-and-action workflow on top of the store: roles, audit, cases, notices, reports.

Every public function here takes the store and the acting `Principal` (workflow.principal), which
the interface resolved once after authenticating it; it checks that principal's role
(`principal.require`) and writes its audit event in the same transaction as its change, so every
interface (CLI, API) inherits the same rules.
"""
