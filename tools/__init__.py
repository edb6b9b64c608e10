"""Developer tools: evaluations and benchmarks. Not part of the running bot."""
