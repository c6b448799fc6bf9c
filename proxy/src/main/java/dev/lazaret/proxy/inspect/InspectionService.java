package dev.lazaret.proxy.inspect;

import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.quarantine.HoldRecord;
import dev.lazaret.proxy.quarantine.InspectedContents;
import dev.lazaret.proxy.registry.JudgedPackage;
import dev.lazaret.proxy.registry.Registry;
import dev.lazaret.proxy.registry.TarballSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inspects the tarball of every newly held version in the background, with the previous
 * release's to diff against: a few at a time from a bounded queue, never on a client's request.
 * Tarballs come through the registry (verified against their integrity and cached), so a held
 * version's bytes are read here though no client can fetch them. Each inspection ends with the
 * version's {@link ContentFacts}, which the quarantine judges: storing them has the package
 * judged again.
 */
public final class InspectionService implements InspectedContents {

  private static final Logger log = LoggerFactory.getLogger(InspectionService.class);

  private final Registry registry;
  private final InspectionStore store;
  private final TarballInspector inspector;
  private final ContentAnalysis analysis;
  private final ContentAnalysis.Dependencies dependencies;
  private volatile Consumer<String> onInspected = name -> { };
  private final Executor executor;
  private final BlockingQueue<String[]> waiting;
  private final Semaphore running;
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  /** Inspections accepted and not finished; {@link #idle} waiters complete when it is 0. */
  private int outstanding;
  private final List<CompletableFuture<Void>> idleWaiters = new ArrayList<>();

  /**
   * A service inspecting at most {@code concurrency} versions at a time on {@code executor}
   * (whose shutdown stops it), with at most {@code queue} waiting (more are dropped, counted),
   * analysing each with {@code analysis}.
   */
  public InspectionService(Registry registry, InspectionStore store, TarballInspector inspector,
      ContentAnalysis analysis, Executor executor, int concurrency, int queue) {
    this.registry = registry;
    this.store = store;
    this.inspector = inspector;
    this.analysis = analysis;
    this.dependencies = new DependencyStandings(registry::judged, DependencyStandings.TIMEOUT);
    this.executor = executor;
    this.waiting = new ArrayBlockingQueue<>(queue);
    this.running = new Semaphore(concurrency);
  }

  /** The stored inspections and diffs. */
  public InspectionStore store() {
    return store;
  }

  /**
   * Calls {@code listener} with the package's name each time content facts are stored for one
   * of its versions (on the inspecting thread, before {@link #idle} completes): the quarantine
   * judges it again.
   */
  public void onInspected(Consumer<String> listener) {
    this.onInspected = listener;
  }

  @Override
  public Map<String, ContentFacts> inspected(String packageName, Collection<String> versions) {
    Map<String, ContentFacts> out = new HashMap<>();
    for (String version : versions) {
      store.contentFacts(packageName, version).ifPresent(f -> out.put(version, f));
    }
    return out;
  }

  @Override
  public void request(String packageName, String version) {
    inspect(packageName, version);
  }

  /** Queues the inspection of a version that was just held ({@code HoldLedger.onNewHold}). */
  public void held(HoldRecord hold) {
    inspect(hold.packageName(), hold.version());
  }

  /** Queues the inspection of {@code name@version} unless it is queued or already analysed. */
  public void inspect(String name, String version) {
    String key = name + " " + version;
    if (!queued.add(key)) {
      return;
    }
    synchronized (idleWaiters) {
      outstanding++;
    }
    if (!waiting.offer(new String[] {name, version})) {
      queued.remove(key);
      dropped.incrementAndGet();
      finished();
      return;
    }
    drain();
  }

  /**
   * Completes once no inspection is queued or running (at once if none is): tests and tools
   * wait on this instead of polling.
   */
  public CompletableFuture<Void> idle() {
    synchronized (idleWaiters) {
      if (outstanding == 0) {
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> waiter = new CompletableFuture<>();
      idleWaiters.add(waiter);
      return waiter;
    }
  }

  private void finished() {
    List<CompletableFuture<Void>> done;
    synchronized (idleWaiters) {
      if (--outstanding > 0) {
        return;
      }
      done = new ArrayList<>(idleWaiters);
      idleWaiters.clear();
    }
    done.forEach(w -> w.complete(null));
  }

  /** Starts a worker while there is work and fewer than the allowed number are running. */
  private void drain() {
    while (!waiting.isEmpty() && running.tryAcquire()) {
      try {
        executor.execute(this::work);
      } catch (RejectedExecutionException e) {
        running.release(); // shutting down
        return;
      }
    }
  }

  private void work() {
    try {
      for (String[] next = waiting.poll(); next != null; next = waiting.poll()) {
        inspectNow(next[0], next[1]);
      }
    } finally {
      running.release();
    }
    // Work queued between the last poll and the release would otherwise wait for the next hold.
    drain();
  }

  private void inspectNow(String name, String version) {
    try {
      run(name, version);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        // Shutting down (the executor interrupts its threads): not a failure to report.
        log.debug("inspection of {}@{} stopped: {}", name, version, e.toString());
        return;
      }
      failed.incrementAndGet();
      log.warn("could not inspect {}@{}: {}", name, version, e.toString());
    } finally {
      queued.remove(name + " " + version);
      finished();
    }
  }

  /**
   * The stored tarball diff of {@code name@version}; if there is none yet, queues its
   * inspection (a version held before inspections existed, or whose tarball could not be
   * fetched the first time) and answers empty: the caller says it is not inspected yet.
   */
  public Optional<FilesDiff> diffOrQueue(String name, String version) {
    Optional<FilesDiff> diff = store.diff(name, version);
    if (diff.isEmpty()) {
      inspect(name, version);
    }
    return diff;
  }

  /** Versions not inspected because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /** Inspections that failed (the tarball could not be fetched). */
  public long failed() {
    return failed.get();
  }

  /**
   * Inspects, diffs and analyses {@code name@version}. A tarball that cannot be fetched throws:
   * nothing is stored, and the next judgement asks again. A tarball that was fetched but could
   * not be read in full is stored as a failed analysis, which the quarantine holds.
   */
  private void run(String name, String version) {
    if (store.contentFacts(name, version).isPresent() && store.diff(name, version).isPresent()) {
      return;
    }
    PackageName packageName = PackageName.parse(name);
    JudgedPackage judged = registry.judged(packageName).join();
    String previous = PreviousRelease.of(judged.index(), judged.verdict(), version);
    Unpacked before = previous == null ? null : unpack(packageName, previous);
    Unpacked after = unpack(packageName, version);
    if (before != null) {
      store.put(name, previous, before.inspection());
    }
    store.put(name, version, after.inspection());
    store.put(name, version, InspectionDiff.between(previous, before, after));
    ContentFacts facts = analysis.analyze(previous, before, after, dependencies);
    store.put(name, version, facts);
    log.info("inspected {}@{} against {}: {} files{}, {} findings", name, version, previous,
        after.inspection().files().size(), after.inspection().complete() ? ""
            : " (incomplete: " + after.inspection().incomplete() + ")", facts.findings().size());
    onInspected.accept(name);
  }

  private Unpacked unpack(PackageName name, String version) {
    TarballSource source = registry.tarballForInspection(name, version).join();
    try (InputStream in = new SourceStream(source)) {
      return inspector.inspect(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
