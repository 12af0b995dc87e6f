// The control case: the replica form with no script of its own doing anything.
