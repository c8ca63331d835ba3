"""The notice-and-action workflow on top of the store: roles, audit, cases, notices, reports.

Every public function here takes the store and the acting user's name, checks the role
(`roles.authorize`) and writes its audit event in the same transaction as its change, so every
interface (CLI, API) inherits the same rules.
"""
