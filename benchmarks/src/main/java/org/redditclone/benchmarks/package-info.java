/**
 * Benchmarks of the engine in-process: JMH benchmarks of the hot paths ({@link
 * org.redditclone.benchmarks.EngineBenchmark}) and a loader that fills an engine to millions of
 * items to measure its heap and its latency at that size ({@link
 * org.redditclone.benchmarks.EngineLoader}). See docs/PERFORMANCE.md for how to run them.
 */
package org.redditclone.benchmarks;
