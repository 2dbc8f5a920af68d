// Intentionally empty: the federated view is mounted by the shell, never on its own.
export {}
