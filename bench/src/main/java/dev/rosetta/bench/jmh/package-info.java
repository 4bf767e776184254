/**
 * JMH benchmarks of Rosetta's hot pieces (run from {@code rosetta-jmh.jar}). Unlike the load generator,
 * these use Rosetta's modules; requests are built with the load generator's own signers, so every
 * benchmark input is also a cross-check of the two implementations (BenchmarkSetupTest runs each once).
 */
package dev.rosetta.bench.jmh;
