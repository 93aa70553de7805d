// The runtime is being written.
