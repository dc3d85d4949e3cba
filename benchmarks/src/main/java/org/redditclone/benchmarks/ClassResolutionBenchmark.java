package org.redditclone.benchmarks;

import java.rmi.server.RMIClassLoader;
import java.rmi.server.RMIClassLoaderSpi;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.redditclone.api.WireForm;
import org.redditclone.client.connect.ContractClassLoaderSpi;

/**
 * What RMI's class resolution costs a client for the one class descriptor of every result, by
 * RMI's default provider and by {@link ContractClassLoaderSpi}: the part of {@code
 * MarshalInputStream.resolveClass} that a provider can change (its stack walk for the default
 * loader comes before the provider and stays).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar:benchmarks/target/lib/*
 * org.openjdk.jmh.Main ClassResolutionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class ClassResolutionBenchmark {

  private final RMIClassLoaderSpi standard = RMIClassLoader.getDefaultProviderInstance();
  private final RMIClassLoaderSpi contract = new ContractClassLoaderSpi();
  private final ClassLoader loader = ContractClassLoaderSpi.class.getClassLoader();
  private String name;

  @Setup
  public void resolveOnce() throws Exception {
    name = WireForm.class.getName(); // the one class every result of the contract is read as
    contract.loadClass(null, name, loader);
  }

  @Benchmark
  public Class<?> standardProvider() throws Exception {
    return standard.loadClass(null, name, loader);
  }

  @Benchmark
  public Class<?> contractProvider() throws Exception {
    return contract.loadClass(null, name, loader);
  }
}
